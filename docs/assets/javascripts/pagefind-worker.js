/* Material's search worker protocol, answered from Pagefind's index (served builds only;
   see summit_briefings/site_search.py). Material's page script posts
     {type: 0 SETUP, data: {config, docs}}  -> we load Pagefind and answer {type: 1 READY}
     {type: 2 QUERY, data: "typed text"}     -> {type: 3 RESULT, data: {items: [[article, ...sections]]}}
   and renders the items with its own result list: a title (HTML), a teaser (HTML, the
   excerpt with <mark>), and `terms`, which name the words to highlight on the page opened. */

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
// Results whose snippets are loaded: each costs one small fragment request.
const SHOWN = 20;

let pagefind = null;
let latest = null;
let queue = Promise.resolve();

const escapeHTML = text => String(text).replace(/[&<>"']/g, c => (
  {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));

async function load() {
  // The bundle sits at the site's root: ../../../pagefind/ from this file.
  const module = await import(new URL("../../../pagefind/pagefind.js", self.location.href).href);
  // A person's page (its heading is their name, marked as the meta "person") first for
  // their name: a match there counts more than one in any page's title. Weights of the
  // kinds of page (site_search.SEARCH_WEIGHTS) count for more with less saturation, and
  // long briefing pages (their cited passages) are penalised less for their length.
  await module.options({excerptLength: 24, ranking: {
    termSaturation: 2, pageLength: 0.3, metaWeights: {title: 5, person: 20}}});
  await module.init();
  return module;
}

// The words to highlight on the page opened: those typed that the page holds, and the forms
// the page itself uses where Pagefind matched them (the diacritics of "Lương" for a typed
// "Luong"). A typed word the page lacks is false: Material strikes it through as missing.
function termsOf(words, missing, excerpts) {
  const terms = {};
  for (const word of words)
    for (const part of word.toLowerCase().split(/-+/))
      if (part) terms[part] = !missing.includes(word);
  for (const excerpt of excerpts)
    for (const [, marked] of excerpt.matchAll(/<mark>([^<]+)<\/mark>/g)) {
      const word = marked.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (word) terms[word] = true;
    }
  return terms;
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
    const sections = (page.sub_results || []).filter(sub => sub.url.includes("#"));
    const terms = termsOf(words, missing, [page.excerpt, ...sections.map(sub => sub.excerpt)]);
    const article = {location: page.url, title: escapeHTML(page.meta.title || page.url),
                     text: page.excerpt, score, terms};
    // Below the article's score: Material folds them under "N more on this page".
    return [article, ...sections.map(sub => ({
      location: sub.url, title: escapeHTML(sub.title), text: sub.excerpt,
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
