"""Projects: the .stanceatlas file (store), its untrusted-schema check, recovery copies."""
