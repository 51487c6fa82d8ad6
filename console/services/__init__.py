"""Use cases over a Session. Each call is one unit of work and returns frozen
dataclasses, never live ORM objects. No Qt here."""
