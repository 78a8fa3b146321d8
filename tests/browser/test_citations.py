"""Citations as readers use them: references that read as separate numbers, targets a finger
can hit on a phone, labels that name the source, not a file, and links that land on the
highlighted passage, in a long paragraph inside the sentence the label names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
from playwright.sync_api import Browser, Page

from summit_briefings.publish.page_marks import PageMarks

pytestmark = pytest.mark.browser

SUMMIT = "summits/2032-03-09-vesk/"

# Each group of adjacent references as it reads (each number with the separator drawn
# before it), and the gaps a reader sees: from the end of a number's digits to its comma,
# and from the comma to the next number's digits.
GROUPS_JS = """() => {
  const digits = sup => { const range = document.createRange();
    range.selectNodeContents(sup.querySelector('a'));
    const rects = [...range.getClientRects()];
    return {left: rects[0].left, right: rects[rects.length - 1].right}; };
  const groups = [];
  for (const sup of document.querySelectorAll('article sup[id^="fnref"]')) {
    if (sup.previousSibling && sup.previousSibling.nodeName === 'SUP') continue;
    const group = [sup];
    while (group.at(-1).nextSibling && group.at(-1).nextSibling.nodeName === 'SUP')
      group.push(group.at(-1).nextSibling);
    if (group.length < 2) continue;
    const text = group.map(s => {
      const before = getComputedStyle(s, '::before').content;
      return (before === 'none' ? '' : JSON.parse(before)) + s.textContent; }).join('');
    const gaps = group.slice(1).map((s, i) => ({
      toComma: s.getBoundingClientRect().left - digits(group[i]).right,
      toNumber: digits(s).left - s.getBoundingClientRect().left}));
    groups.push({text, gaps});
  }
  return groups;
}"""

# Every link on the citation path, as a finger meets it.
TARGETS_JS = """(selector) => [...document.querySelectorAll(selector)].map(a => {
  const box = a.getBoundingClientRect();
  return {text: a.textContent, width: box.width, height: box.height};
})"""
CITATION_PATH = {"citation number": "article a.footnote-ref",
                 "note link": "article .footnote li a:not(.footnote-backref)",
                 "back-link": "article a.footnote-backref"}
PARAGRAPH_NUMBER = "article .source-text a.para-number"

# For each reference: whether it sits on the line of the last character before it, as
# opposed to alone at the start of the next line.
WITH_ITS_WORD_JS = """() => {
  const article = document.querySelector('article');
  return [...article.querySelectorAll('a.footnote-ref')].map(a => {
    const sup = a.closest('sup');
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    let last = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (sup.contains(node) || sup.compareDocumentPosition(node)
          & Node.DOCUMENT_POSITION_FOLLOWING) break;
      if (node.textContent.trim()) last = node;
    }
    const end = last.textContent.trimEnd().length;
    const range = document.createRange();
    range.setStart(last, end - 1);
    range.setEnd(last, end);
    const char = range.getBoundingClientRect(), ref = a.getBoundingClientRect();
    return {ref: a.textContent, after: last.textContent.trim().slice(-20),
            sameLine: ref.top < char.bottom && ref.bottom > char.top};
  });
}"""


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        yield context.new_page()
    finally:
        context.close()




@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_adjacent_references_read_as_a_list(request, screen: str, fictional_url: str):
    """'1, 2, 3': a comma and a narrow space between numbers, the comma close to the number
    before it (no padded '1 , 2 , 3')."""
    page = request.getfixturevalue(screen)
    page.goto(fictional_url + SUMMIT)
    groups = page.evaluate(GROUPS_JS)
    assert groups, "the page has no adjacent references to check"
    for group in groups:
        numbers = group["text"].split(",\u202f")
        assert all(n.isdigit() for n in numbers) and len(numbers) > 1, group
        for gap in group["gaps"]:
            assert abs(gap["toComma"]) < 2, f"a gap before the comma: {group}"
            assert 1 < gap["toNumber"] < 8, f"no space, or a wide one, after the comma: {group}"


# Each reference that follows text, not another reference: what is drawn before it, and
# whether the element before it is a reference all the same, with only text between.
AFTER_TEXT_JS = """() => [...document.querySelectorAll('article sup[id^="fnref"]')]
  .filter(sup => !(sup.previousSibling && sup.previousSibling.nodeName === 'SUP'))
  .map(sup => ({ref: sup.textContent, before: getComputedStyle(sup, '::before').content,
                textBetween: (sup.previousElementSibling || {}).nodeName === 'SUP'}))"""


# A paragraph with text between two references, as the build writes it (footnotes, then the
# plugin's marks): the fictional pages need not hold one.
TEXT_BETWEEN = markdown.Markdown(extensions=["footnotes", PageMarks(pagefind=True)]).convert(
    "Met in Vesk.[^a] They agreed on a crossing.[^b]\n\n[^a]: One.\n[^b]: Two.\n")


def test_a_reference_after_text_has_no_comma_before_it(desktop: Page, fictional_url: str):
    """'… in Vesk.¹ They agreed …²', never '… They agreed …,²' where the reference before
    the text is in the same paragraph."""
    references = []
    for page in (SUMMIT, SUMMIT + "pack/", "leaders/pavel-dorn/", "commitments/"):
        desktop.goto(fictional_url + page)
        if page == SUMMIT:
            desktop.evaluate("html => document.querySelector('article')"
                             ".insertAdjacentHTML('beforeend', html)", TEXT_BETWEEN)
        references += [{**r, "page": page} for r in desktop.evaluate(AFTER_TEXT_JS)]
    assert any(r["textBetween"] for r in references), "no case of text between references"
    assert [r for r in references if r["before"] != "none"] == []

def test_every_link_on_the_citation_path_is_a_24px_target_on_a_phone(phone: Page,
                                                                    fictional_url: str):
    phone.goto(fictional_url + SUMMIT)
    small = []
    for kind, selector in CITATION_PATH.items():
        targets = phone.evaluate(TARGETS_JS, selector)
        assert targets, f"no {kind} on {SUMMIT}"
        small += [(kind, t) for t in targets if t["width"] < 24 or t["height"] < 24]
    phone.goto(fictional_url + "sources/nordwire-2031-04-10-port-arlen/")
    numbers = phone.evaluate(TARGETS_JS, PARAGRAPH_NUMBER)
    assert numbers
    small += [("paragraph number", t) for t in numbers if t["width"] < 24 or t["height"] < 24]
    assert not small, small


def test_a_citation_number_never_starts_a_line_on_a_phone(phone: Page, fictional_url: str,
                                                          fictional_site: Path):
    pages = sorted(p.parent.relative_to(fictional_site).as_posix() + "/"
                   for folder in ("summits", "leaders")
                   for p in (fictional_site / folder).glob("*/index.html"))
    stranded = []
    for page in pages:
        phone.goto(fictional_url + page)
        stranded += [(page, ref) for ref in phone.evaluate(WITH_ITS_WORD_JS)
                     if not ref["sameLine"]]
    assert len(pages) >= 5  # the fictional site's three summits and two leaders
    assert not stranded, stranded


def test_notes_name_the_publisher_and_paragraph_not_the_file(desktop: Page, fictional_url: str):
    desktop.goto(fictional_url + SUMMIT)
    labels = desktop.locator("article .footnote li a:not(.footnote-backref)").all_inner_texts()
    assert labels and all("¶" in label and ".txt" not in label for label in labels), labels
    assert "Sud Courier Media, 12 Mar 2032, ¶3, sentence 1" in labels


SPLIT_PASSAGE_JS = """() => {
  const counts = {};
  for (const mark of document.querySelectorAll('.source-text mark'))
    for (const id of mark.dataset.in.split(' ')) counts[id] = (counts[id] || 0) + 1;
  return Object.keys(counts).find(id => counts[id] > 1) || null;
}"""

HIGHLIGHT_JS = """(id) => [...document.querySelectorAll('.source-text mark')].map(mark => ({
  inPassage: mark.dataset.in.split(' ').includes(id),
  background: getComputedStyle(mark).backgroundColor,
}))"""


def test_landing_on_a_citation_highlights_all_of_its_passage(desktop: Page, fictional_url: str):
    page = "sources/sudcourier-2032-03-12-vesk-dorn-brenic-open-first-section-arlen-vesk-line/"
    desktop.goto(fictional_url + page)
    split = desktop.evaluate(SPLIT_PASSAGE_JS)
    assert split, "no passage on this page is split by an overlapping quote"
    desktop.goto(f"{fictional_url}{page}#{split}")
    marks = desktop.evaluate(HIGHLIGHT_JS, split)
    target = {m["background"] for m in marks if m["inPassage"]}
    others = {m["background"] for m in marks if not m["inPassage"]}
    assert len(target) == 1 and not target & others, marks


# In the fictional corpus the Sud Courier article runs its sentences together in its third
# paragraph: the Vesk summit's citations name the sentence ('¶3, sentence 6').
LONG_PARAGRAPHS_SUMMIT = "summits/2032-03-09-vesk/"

# Whether the sentence anchor a label names comes before the passage, and the next
# sentence's anchor (if any) after it: the passage starts in that sentence.
IN_SENTENCE_JS = """([sentence, next, passage]) => {
  const at = document.getElementById(passage), start = document.getElementById(sentence);
  const after = document.getElementById(next);
  return Boolean(start && at && start.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_FOLLOWING
    && (!after || at.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING));
}"""


def follow_a_sentence_citation(page: Page, summit_url: str) -> None:
    """Open a summit page, follow its first citation naming a sentence, and check that the
    passage it lands on is the one highlighted, inside the sentence the label names."""
    page.goto(summit_url)
    link = page.locator("article .footnote li a:not(.footnote-backref)",
                        has_text="sentence").first
    label = link.inner_text()
    paragraph, sentence = re.search(r"¶(\d+), sentences? (\d+)", label).groups()
    link.click()
    page.wait_for_url(re.compile(r".*/sources/[^#]+#q\d+-\d+$"))
    passage = page.evaluate("location.hash.slice(1)")
    marks = page.evaluate(HIGHLIGHT_JS, passage)
    target = {m["background"] for m in marks if m["inPassage"]}
    others = {m["background"] for m in marks if not m["inPassage"]}
    assert len(target) == 1 and not target & others, (label, marks)
    anchors = [f"p{paragraph}-s{sentence}", f"p{paragraph}-s{int(sentence) + 1}", passage]
    assert page.evaluate(IN_SENTENCE_JS, anchors), (label, passage)
    assert page.locator(f"[id='{passage}'] + mark").is_visible()


def test_a_citation_into_a_long_paragraph_lands_on_its_passage_in_the_sentence_named(
        desktop: Page, fictional_url: str):
    follow_a_sentence_citation(desktop, fictional_url + LONG_PARAGRAPHS_SUMMIT)


def test_a_citation_into_a_long_paragraph_lands_on_its_passage_from_file(
        browser: Browser, fictional_offline_site: Path):
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
    try:
        # The offline build's pages are files (summits/x.html), not folders.
        page = fictional_offline_site / (LONG_PARAGRAPHS_SUMMIT.rstrip("/") + ".html")
        follow_a_sentence_citation(context.new_page(), page.as_uri())
    finally:
        context.close()
