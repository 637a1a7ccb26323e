"""The sync engine: mapping, scoping, planning, execution, state. Pure asyncio, no Qt."""
