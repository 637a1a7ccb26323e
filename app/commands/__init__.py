"""The command families of the `webex-provisioner` command, one module each."""
