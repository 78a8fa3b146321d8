"""Stage 2, Corpus to Evidence: find every quote in its source and every stated number in its
quotes, and check what the wording and dates claim against them."""
