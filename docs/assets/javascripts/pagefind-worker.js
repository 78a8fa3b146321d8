/* Material's search worker protocol, answered from Pagefind's index (served builds only;
   see summit_briefings/publish/site_search.py). Material's page script posts
     {type: 0 SETUP, data: {config, docs}}  -> we load Pagefind and answer {type: 1 READY}
     {type: 2 QUERY, data: "typed text"}     -> {type: 3 RESULT, data: {items: [[article, ...sections]]}}
   and renders the items with its own result list: a title (HTML), a teaser (HTML, the
   passage with <mark>), and `terms`, which name the words to highlight on the page opened. */

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
// Results whose snippets are loaded: each costs one small fragment request.
const SHOWN = 20;
// Words in a result's passage.
const EXCERPT_LENGTH = 24;

let pagefind = null;
let latest = null;
let queue = Promise.resolve();

const escapeHTML = text => String(text).replace(/[&<>"']/g, c => (
  {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));

// A person's page (its heading is their name, marked as the meta "person") first for their
// name: a match there counts more than one in any page's title. Weights of the kinds of page
// (links.SEARCH_WEIGHTS) count for more with less saturation, and long briefing pages
// (their cited passages) are penalised less for their length. Each bundle ranks its own
// pages with them.
const OPTIONS = {excerptLength: EXCERPT_LENGTH, ranking: {
  termSaturation: 2, pageLength: 0.3, metaWeights: {title: 5, person: 20}}};

async function load() {
  // The site's root folder, two above this file (assets/javascripts/): a site served below a
  // path (a GitHub project site) has its own.
  const root = new URL("../../", self.location.href);
  const module = await import(new URL("pagefind/pagefind.js", root).href);
  await module.options(OPTIONS);
  await module.init();
  // A large site is indexed in parts (site_search.PAGES_PER_INDEX): the bundles after the
  // first, listed beside it, are searched with it as one index, their pages' addresses
  // taken from the site's root as the first bundle's are.
  const parts = await fetch(new URL("pagefind/parts.json", root));
  if (!parts.ok) throw new Error(`Search index parts: HTTP ${parts.status}`);
  for (const bundle of await parts.json())
    await module.mergeIndex(new URL(bundle, root).href, {...OPTIONS, baseUrl: root.href});
  return module;
}

// The words to highlight on the page opened: those typed that the page holds, and the forms
// the page itself uses where Pagefind matched them (the diacritics of "Lương" for a typed
// "Luong"). A typed word the page lacks is false: Material strikes it through as missing.
function termsOf(words, missing, passages) {
  const terms = {};
  for (const word of words)
    for (const part of word.toLowerCase().split(/-+/))
      if (part) terms[part] = !missing.includes(word);
  for (const {marked} of passages)
    for (const found of marked) {
      const word = found.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (word) terms[word] = true;
    }
  return terms;
}

// Result passages are built here from the page's text, not taken from Pagefind's `excerpt`:
// that one is HTML with only < and > escaped, so text reading "&lt;b&gt;" would show as
// "<b>". Pagefind's locations count the words of `content` split at white space (in the
// languages it does not segment with zero-width spaces, as Chinese and Japanese: this
// site's pages are English); the passage chosen is Pagefind's own (pagefind.js 1.5:
// calculate_excerpt_region, build_excerpt, calculate_sub_results), every character escaped.

// The start of the `length` words whose matches score highest, as Pagefind chooses it.
function densestStart(weighted, length) {
  if (!weighted.length) return 0;
  const scores = [];
  for (const {location, balanced_score} of weighted)
    scores[location] = (scores[location] || 0) + balanced_score;
  if (scores.length <= length) return 0;
  let best = scores.slice(0, length).reduce((sum, score) => sum + score, 0);
  let sum = best, starts = [0];
  for (let i = 0; i < scores.length; i++) {
    sum += (scores[i + length] ?? 0) - (scores[i] ?? 0);
    if (sum > best) {
      best = sum;
      starts = [i];
    } else if (sum === best && starts[starts.length - 1] === i - 1) {
      starts.push(i);
    }
  }
  return starts[Math.floor(starts.length / 2)];
}

// `length` words from `start`, kept within [from, to), escaped, the matched ones marked:
// {html, marked: the matched words as the page has them}.
function passage(words, start, length, locations, from = 0, to = words.length) {
  length = Math.min(length, to - from);
  start = Math.max(from, Math.min(start, to - length));
  const matched = new Set(locations);
  const html = [], marked = [];
  for (let i = start; i < start + length; i++) {
    const word = words[i] ?? "";
    if (matched.has(i)) {
      html.push(`<mark>${escapeHTML(word)}</mark>`);
      marked.push(word);
    } else {
      html.push(escapeHTML(word));
    }
  }
  return {html: html.join(" ").trim(), marked};
}

// A section's heading as the page has it. Pagefind's anchor text decodes character
// references a second time (a heading reading "&lt;b&gt;" comes back as "<b>"): the heading's
// words are read from the page's text instead, where the anchor starts, without the full
// stop Pagefind adds there to a heading that ends in none of its own.
function headingOf(words, anchor) {
  const text = anchor.text.trim();
  const heading = words.slice(anchor.location,
                              anchor.location + text.split(/[\r\n\s]+/g).length).join(" ");
  return text.endsWith(".") ? heading : heading.replace(/\.$/, "");
}

// The page's passage, and each section's: {sub, title, html, marked}, a sub-result running
// from its heading to the next.
function passages(page) {
  const words = page.content.split(/[\r\n\s]+/g);
  const headings = (page.anchors || [])
    .filter(a => /h\d/i.test(a.element) && a.text?.length && /\S/.test(a.text))
    .map(a => a.location).sort((a, b) => a - b);
  const whole = passage(words, densestStart(page.weighted_locations, EXCERPT_LENGTH),
                        EXCERPT_LENGTH, page.locations);
  const sections = (page.sub_results || []).map(sub => {
    const from = sub.anchor ? sub.anchor.location : 0;
    const to = sub.anchor ? headings.find(at => at > from) : headings[0];
    const relative = sub.weighted_locations.map(l => ({...l, location: l.location - from}));
    const start = densestStart(relative, EXCERPT_LENGTH) + from;
    const length = to ? Math.min(to - start, EXCERPT_LENGTH) : EXCERPT_LENGTH;
    const title = sub.anchor ? headingOf(words, sub.anchor) : sub.title;
    return {sub, title, ...passage(words, start, length, sub.locations, from, to ?? words.length)};
  });
  return {whole, sections};
}

// Pagefind finds the pages holding every word. When none does, the pages holding the most
// of the words come first (then by Pagefind's score), each naming the words it lacks.
async function ranked(query, words) {
  const search = await pagefind.search(query);
  if (search.results.length || words.length < 2)
    return search.results.map(result => ({result, score: result.score, missing: []}));
  const found = new Map();
  for (const word of words)
    for (const result of (await pagefind.search(word)).results) {
      const entry = found.get(result.id) || {result, held: new Set(), score: 0};
      entry.held.add(word);
      entry.score += result.score;
      found.set(result.id, entry);
    }
  const entries = [...found.values()].sort((a, b) =>
    b.held.size - a.held.size || b.score - a.score);
  // Material's Enter opens the result with the highest score: keep scores in this order.
  return entries.map((entry, rank) => ({
    result: entry.result, score: entries.length - rank,
    missing: words.filter(word => !entry.held.has(word))}));
}

async function answer(query) {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return {items: []};
  const results = (await ranked(query, words)).slice(0, SHOWN);
  const pages = await Promise.all(results.map(({result}) => result.data()));
  const items = pages.map((page, rank) => {
    const {score, missing} = results[rank];
    const {whole, sections: all} = passages(page);
    const sections = all.filter(section => section.sub.url.includes("#"));
    const terms = termsOf(words, missing, [whole, ...sections]);
    const article = {location: page.url, title: escapeHTML(page.meta.title || page.url),
                     text: whole.html, score, terms};
    // Below the article's score: Material folds them under "N more on this page".
    return [article, ...sections.map(section => ({
      location: section.sub.url, title: escapeHTML(section.title), text: section.html,
      score: score / 2, terms}))];
  });
  return {items};
}

// Start loading Pagefind (its module, WebAssembly and entry files) as soon as the page
// starts this worker, rather than after the page has fetched Material's index config.
const loading = load();

addEventListener("message", ev => {
  const message = ev.data;
  if (message.type === SETUP) {
    queue = queue.then(async () => {
      pagefind = await loading;
      postMessage({type: READY});
    });
  } else if (message.type === QUERY) {
    // Answer in order, and skip a query already replaced by a newer one.
    latest = message.data;
    const query = message.data;
    queue = queue.then(async () => {
      if (query !== latest) return;
      try {
        postMessage({type: RESULT, data: await answer(query)});
      } catch (err) {
        console.warn(`Search failed for ${query}`, err);
        postMessage({type: RESULT, data: {items: []}});
      }
    });
  }
});
