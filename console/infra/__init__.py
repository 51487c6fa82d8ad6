"""Infrastructure: engine factory, settings, credentials, paths, logs, drafts."""
