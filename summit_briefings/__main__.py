"""``python -m summit_briefings``: the `summit-briefings` command, as scripts/site.py runs it
(with whichever copy of the package the project folder's Python imports, as MkDocs does)."""

from .cli import console

console()
