"""Seeders: reference data the console needs before its first case."""
