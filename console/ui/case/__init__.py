"""One case, whichever screen opened it: the case view (fields, deadlines, history, calls,
attachments), its action bar driven by the lifecycle's state machine, and the editor."""
