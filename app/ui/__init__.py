"""The desktop face of the program (PySide6): wizard, activity view, dashboard; no HTTP here."""
