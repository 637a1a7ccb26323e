"""The sandbox: a local Webex tenant and a generic SCIM 2.0 application, served on loopback.

Import `app.sandbox.server` for `SandboxServer` and `SandboxConfig`; this package module stays
empty so that importing a light helper (faults, seed) does not pull in the ASGI server.
"""
