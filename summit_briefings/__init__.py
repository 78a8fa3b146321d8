"""Summit Briefings: verified, cited facts about the summits of two countries, as Markdown.

The pipeline reads in one direction: load → validate → verify → render → write.
"""
