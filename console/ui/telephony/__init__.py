"""Telephony in the console: the link to the phone system, the softphone socket, the
screen pop into the entry form, the agent's state in the status bar, the wallboard."""
