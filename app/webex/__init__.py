"""The Webex target: tenant URLs, orgIds, people/me, the SCIM client, its errors and checks."""
