"""Contract tests: the sandboxes and the program held to the vendors' specs (resources/vendor/)."""
