"""Stage 1, data/ to a Corpus: load the YAML and source texts safely, validate them against
the schema and each other, and report every problem at its file and line."""
