"""webex-provisioner: provision a directory into Cisco Webex over SCIM 2.0."""

from importlib import metadata

try:
    __version__ = metadata.version("webex-provisioner")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

USER_AGENT = f"webex-provisioner/{__version__}"
