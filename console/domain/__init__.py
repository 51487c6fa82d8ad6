"""The plain rules of the hotline: no Qt, no SQL, no other console package."""
