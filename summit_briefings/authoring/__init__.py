"""For editors: `new-source` (an article registered, with the candidate facts drafts.py finds
in it), and `init` (a new site from the skeleton shipped as package data)."""
