"""Directory sources: where users and groups come from (CSV file, Microsoft Entra ID)."""
