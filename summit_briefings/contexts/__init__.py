"""Stage 3, Corpus and Evidence to one typed context per page (registry.py lists them), each
with its citation notes and footer, all built before any page is rendered."""
