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

// The words to highlight on the page opened: those typed, and the forms the page itself
// uses where Pagefind matched them (the diacritics of "Lương" for a typed "Luong").
function termsOf(query, excerpts) {
  const terms = {};
  for (const word of query.toLowerCase().split(/[\s\-]+/))
    if (word) terms[word] = true;
  for (const excerpt of excerpts)
    for (const [, marked] of excerpt.matchAll(/<mark>([^<]+)<\/mark>/g)) {
      const word = marked.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
      if (word) terms[word] = true;
    }
  return terms;
}

async function answer(query) {
  if (!query.trim()) return {items: []};
  const search = await pagefind.search(query);
  if (!search) return {items: []};  // superseded
  const pages = await Promise.all(search.results.slice(0, SHOWN).map(r => r.data()));
  const items = pages.map((page, rank) => {
    const score = search.results[rank].score;
    const sections = (page.sub_results || []).filter(sub => sub.url.includes("#"));
    const terms = termsOf(query, [page.excerpt, ...sections.map(sub => sub.excerpt)]);
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
