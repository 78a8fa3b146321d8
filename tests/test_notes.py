"""Rendering a page: citations are footnotes labelled by passage, listed in the order the
page's context refers to them (its fields in the order its template shows them), whatever
order they were noted in; the Markdown engine numbers them in that order. A template
mistake is reported at its line."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from conftest import FICTIONAL_DATA, copy_project

from summit_briefings.contexts import archives, index_pages
from summit_briefings.contexts.footer import Footer
from summit_briefings.contexts.notes import Note, PageNotes
from summit_briefings.contexts.refs import CitationRefs
from summit_briefings.contexts.registry import KINDS, page_contexts
from summit_briefings.model.problems import BriefingError
from summit_briefings.pipeline import checked_corpus
from summit_briefings.render import environment, render_page

REPO = Path(__file__).resolve().parent.parent


def _book(*keys: str, sources: dict[str, str] | None = None) -> PageNotes:
    """Notes under ``keys``, each from source file a.txt unless ``sources`` names another."""
    book = PageNotes("summits/x.md", corpus=None, evidence=None, layouts={})  # type: ignore[arg-type]
    files = sources or {}
    book.notes = {key: Note(key, f"Quote {key}.", files.get(key, "a.txt"), "¶1",
                            f"../sources/a.md#{key}", f"Wire {files.get(key, 'a.txt')}")
                  for key in keys}
    return book


def _render(tmp_path: Path, template: str, context: object, book: PageNotes) -> str:
    shutil.copy(REPO / "templates" / "_notes.md.jinja", tmp_path)
    (tmp_path / "page.md.jinja").write_text(template, encoding="utf-8")
    return render_page(environment(tmp_path), "page.md.jinja", context, book.listed(context),
                       "data/x.yaml", Footer((), None, None))


@dataclass(frozen=True)
class Row:
    refs: CitationRefs


@dataclass(frozen=True)
class Shown:
    """A context whose template shows ``early`` before ``late``, and so declares them."""

    early: CitationRefs
    rows: tuple[Row, ...]
    late: CitationRefs


def test_notes_are_listed_in_the_order_the_context_declares_them_not_the_order_noted(
        tmp_path):
    book = _book("first-noted", "second-noted", "third-noted")
    context = Shown(CitationRefs(("second-noted",)), (Row(CitationRefs(("third-noted",))),),
                    CitationRefs(("first-noted", "second-noted")))
    page = _render(tmp_path, "Top{{ page.early }}\n\n{% for r in page.rows %}Row{{ r.refs }}\n\n"
                   "{% endfor %}Bottom{{ page.late }}\n", context, book)
    body, notes = page.split("\n\n[^", 1)
    assert body == "Top[^second-noted]\n\nRow[^third-noted]\n\nBottom[^first-noted][^second-noted]"
    listed = [line.split("“")[1].split("”")[0] for line in ("[^" + notes).splitlines()]
    assert listed == ["Quote second-noted.", "Quote third-noted.", "Quote first-noted."]


def test_footnotes_number_in_reading_order_when_markdown_renders_them(tmp_path):
    book = _book("first-noted", "second-noted")
    context = Shown(CitationRefs(("second-noted",)), (), CitationRefs(("first-noted",)))
    page = _render(tmp_path, "Top{{ page.early }}\n\n{{ page.rows|length }}\n\n"
                   "Bottom{{ page.late }}\n", context, book)
    html = markdown.markdown(page, extensions=["footnotes"])
    assert [sup.split(">")[-1] for sup in re.findall(r'class="footnote-ref"[^>]*>\d+', html)] \
        == ["1", "2"]
    assert html.index("Quote second-noted.") < html.index("Quote first-noted.")


def test_notes_noted_but_not_in_the_context_are_not_listed(tmp_path):
    book = _book("shown", "hidden")
    page = _render(tmp_path, "Text{{ page.refs }}\n", Row(CitationRefs(("shown",))), book)
    assert "Quote shown." in page and "Quote hidden." not in page


def test_a_page_without_printed_citations_has_no_notes(tmp_path):
    page = _render(tmp_path, "Text\n\n\n\nMore\n", SimpleNamespace(), _book("unused"))
    assert page == "Text\n\nMore\n"


def test_every_page_cites_its_notes_in_the_order_its_context_lists_them(tmp_path,
                                                                         monkeypatch):
    """The contract cited_keys relies on, for every page of the fictional corpus, its
    archive pages and leaders' pages A–Z too (bounds patched low): the footnote references
    of the rendered Markdown are those the context refers to, met in the order of its
    fields, and the sources its footer names are those of its notes."""
    project = copy_project(tmp_path / "site", FICTIONAL_DATA)
    corpus, evidence = checked_corpus(project.root)
    env = environment(REPO / "templates")
    templates = set()
    for bound, per_page in ((archives.NEWEST_IN_FULL, index_pages.PEOPLE_PER_PAGE), (1, 1)):
        monkeypatch.setattr(archives, "NEWEST_IN_FULL", bound)
        monkeypatch.setattr(index_pages, "PEOPLE_PER_PAGE", per_page)
        for page in page_contexts(corpus, evidence, None):
            text = render_page(env, page.template, page.context, (), page.data_file,
                               page.footer)
            referred = list(dict.fromkeys(FOOTNOTE_REF.findall(text)))
            assert referred == [line.note.key for line in page.notes], page.path
            # and notes nothing it does not list: its footer names the sources it cites
            assert {s.label for s in page.footer.sources} \
                == {line.note.source_label for line in page.notes}, page.path
            templates.add(page.template)
    assert templates == {kind.template for kind in KINDS.values()}


FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")


def test_a_misspelt_name_in_a_template_is_reported_at_its_line(tmp_path):
    with pytest.raises(BriefingError) as caught:
        _render(tmp_path, "Title\n\n{{ page.titel }}\n", SimpleNamespace(title="x"), _book())
    [problem] = caught.value.problems
    assert (problem.path, problem.line) == ("templates/page.md.jinja", 3)
    assert "while rendering data/x.yaml" in problem.message and "titel" in problem.message


def test_printing_nothing_is_an_error_not_the_word_none(tmp_path):
    with pytest.raises(BriefingError) as caught:
        _render(tmp_path, "{{ page.missing }}\n", SimpleNamespace(missing=None), _book())
    assert "a template printed None" in caught.value.problems[0].message


def test_a_note_is_marked_when_its_source_is_the_one_before_it(tmp_path):
    """Print shows only the paragraph of a marked note: one article is named once a run."""
    order = ("one", "two", "three", "four")
    book = _book(*order, sources={"one": "a.txt", "two": "a.txt", "three": "b.txt",
                                  "four": "a.txt"})
    page = _render(tmp_path, "Text{{ page.refs }}\n", Row(CitationRefs(order)), book)
    labels = re.findall(r'<span class="(note-source[^"]*)">([^<]*)</span>¶1\]', page)
    assert labels == [("note-source", "Wire a.txt, "), ("note-source repeated", "Wire a.txt, "),
                      ("note-source", "Wire b.txt, "), ("note-source", "Wire a.txt, ")]
