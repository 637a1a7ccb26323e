"""Notifications: failure e-mail over SMTP (mail.py) and when to send it (policy.py)."""
