"""Profiles (one TOML file each, under the platformdirs config folder) and their secrets (keyring)."""
