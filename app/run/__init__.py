"""Running a profile: one locked cycle (lock, source, engine, failure e-mail) and the schedule of
incremental cycles, the same for the CLI, the wizard and the dashboard. No Qt here."""
