"""English for the Chinese source strings (used by update_translations.py to fill roster_en.ts)."""

EN: dict[str, str] = {}
BY_CONTEXT: dict[tuple[str, str], str] = {}
