"""The MkDocs side: the plugin that hands the generated pages to MkDocs, the marks Markdown
adds to them, search (Pagefind served, lunr offline), the Content-Security-Policy, what
`mkdocs serve` shows while the data has problems, and the build date."""
