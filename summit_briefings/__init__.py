"""Summit Briefings: verified, cited facts about Korea–Vietnam summits, rendered as Markdown.

The pipeline reads in one direction: load → validate → verify → render → write.
"""
