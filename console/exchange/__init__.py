"""The exchange service: platforms and units over HTTP (FastAPI)."""
