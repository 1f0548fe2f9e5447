"""Projects: the .stanceatlas file (store: saving; format, reading, stamps), its untrusted-schema check, recovery copies."""
