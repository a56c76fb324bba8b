/* sitegen search: queries the build-time index in search/ (README "Search").
   Plain JavaScript with no dependencies; it fetches nothing but the site's own index files. */
(function () {
  'use strict';

  // Folding, exactly as SearchFolding.swift does it at build time.
  const FOLDED = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'ł': 'l', 'ı': 'i', 'ħ': 'h', 'þ': 'th', 'ς': 'σ' };
  const FOLDED_LETTERS = /[ßæœøđðłıħþς]/g;
  const MARKS = /\p{Mn}/gu;
  const WORD = /[\p{L}\p{N}\p{M}]+/gu;
  const ENDS_IN_WORD = /[\p{L}\p{N}\p{M}]$/u;

  /** NFKC, remove nonspacing marks after NFD, lowercase, spell out a few letters, NFC. */
  function fold(text) {
    return text.normalize('NFKC').normalize('NFD').replace(MARKS, '').toLowerCase()
      .replace(FOLDED_LETTERS, (c) => FOLDED[c]).normalize('NFC');
  }

  /** Runs of letters, digits and marks of folded text, each cut to maxLength code points. */
  function words(folded, maxLength) {
    return (folded.match(WORD) || []).map((word) => {
      const points = Array.from(word);
      return points.length > (maxLength || 32) ? points.slice(0, maxLength || 32).join('') : word;
    });
  }

  window.SitegenSearch = { fold: fold, words: words };

  const form = document.querySelector('form[data-search-root]');
  if (!form) return;
  const root = form.getAttribute('data-search-root');
  const input = form.querySelector('input[type="search"]');
  const selects = { leader: form.querySelector('#search-leader'), topic: form.querySelector('#search-topic'), year: form.querySelector('#search-year') };
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more');
  const files = new Map();
  let meta = null;
  let generation = 0;
  let current = null;

  /** A file of the index, fetched once, relative to the site root (works under a sub-path). */
  function load(path) {
    if (!files.has(path)) {
      files.set(path, fetch(root + 'search/' + path).then((response) => {
        if (!response.ok) throw new Error(path + ': ' + response.status);
        return response.json();
      }).catch((error) => { files.delete(path); throw error; }));
    }
    return files.get(path);
  }

  /** The query's terms: every word but the last must be whole; the last, while typed, is a prefix. */
  function parse(text) {
    const found = words(fold(text), meta.max_length);
    const stop = new Set(meta.stopwords);
    const prefix = ENDS_IN_WORD.test(text);
    const terms = [];
    found.forEach((word, index) => {
      const isPrefix = prefix && index === found.length - 1;
      if (Array.from(word).length < meta.min_length || (!isPrefix && stop.has(word))) return;
      if (!terms.some((term) => term.text === word)) terms.push({ text: word, prefix: isPrefix, forms: formsOf(word) });
    });
    return terms;
  }

  /** A word and, on English sites, its plural or singular: soybean, soybeans. */
  function formsOf(word) {
    if (!meta.plurals || Array.from(word).length < 3) return [word];
    if (!word.endsWith('s')) return [word, word + 's'];
    return word.length >= 4 && !/(ss|us|is|news)$/.test(word) ? [word, word.slice(0, -1)] : [word];
  }

  /** Whether a folded word of an article matches a query term. */
  function matches(term, word) {
    return term.forms.indexOf(word) >= 0 || (term.prefix && word.startsWith(term.text));
  }

  /** The position of the last shard whose first term is not after term (JavaScript string order), or -1. */
  function shardIndex(term) {
    let low = 0;
    let high = meta.shards.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (term < meta.shards[middle][0]) high = middle; else low = middle + 1;
    }
    return low - 1;
  }

  /** The shards a term needs: its own; for a prefix, the run of shards holding the words that
      start with it, unless they pass the prefix budget: then the word is taken as typed. */
  function shardsFor(term) {
    const own = shardIndex(term.text);
    const exact = Array.from(new Set(term.forms.map(shardIndex).filter((i) => i >= 0)));
    if (!term.prefix) return exact;
    let last = own;
    while (last + 1 < meta.shards.length && meta.shards[last + 1][0].startsWith(term.text)) last++;
    const indexes = [];
    let bytes = 0;
    for (let i = Math.max(own, 0); i <= last; i++) { indexes.push(i); bytes += meta.shards[i][1]; }
    if (indexes.length > 1 && bytes > meta.prefix_budget) {
      term.prefix = false;
      term.broad = true;
      return exact;
    }
    return Array.from(new Set(indexes.concat(exact)));
  }

  /** Marks the numbers of a gap-encoded list in flags. */
  function mark(gaps, flags) {
    let number = 0;
    for (const gap of gaps) { number += gap; flags[number] = 1; }
  }

  function decodeSet(gaps) {
    const flags = new Uint8Array(meta.articles);
    mark(gaps, flags);
    return flags;
  }

  /** Article numbers matching terms and filters, ranked: more title and leader matches first, then newest. */
  async function search(terms, filters) {
    const count = meta.articles;
    const allOf = new Uint8Array(count);
    const strong = new Uint8Array(count);
    const shards = await Promise.all(terms.map((term) => Promise.all(
      shardsFor(term).map((i) => load('index/' + i + '.json')))));
    terms.forEach((term, index) => {
      const seen = new Uint8Array(count);
      const seenStrong = new Uint8Array(count);
      for (const shard of shards[index]) {
        const keys = term.prefix ? Object.keys(shard) : term.forms.filter((form) => Object.prototype.hasOwnProperty.call(shard, form));
        for (const key of keys) {
          if (matches(term, key)) { mark(shard[key][0], seen); mark(shard[key][1], seenStrong); }
        }
      }
      for (let n = 0; n < count; n++) { allOf[n] += seen[n]; strong[n] += seenStrong[n]; }
    });
    const sets = await Promise.all(['leader', 'topic'].filter((f) => filters[f])
      .map((f) => load(f + 's/' + filters[f] + '.json').then(decodeSet)));
    const year = filters.year ? meta.years.find((entry) => String(entry[0]) === filters.year) : null;
    const results = [];
    for (let n = 0; n < count; n++) {
      if (allOf[n] !== terms.length || !sets.every((flags) => flags[n])) continue;
      if (filters.year && !(year && year[1].some((run) => n >= run[0] && n <= run[1]))) continue;
      results.push(n);
    }
    results.sort((a, b) => (strong[b] - strong[a]) || (a - b));
    return results;
  }

  /** Appends text to parent, with every word that matches a term inside <mark>. */
  function appendMarked(parent, text, terms) {
    const pattern = new RegExp(WORD.source, 'gu');
    let last = 0;
    let match;
    while ((match = pattern.exec(text)) !== null) {
      const hit = words(fold(match[0]), meta.max_length).some((word) => terms.some((term) => matches(term, word)));
      if (!hit) continue;
      if (match.index > last) parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      const element = document.createElement('mark');
      element.textContent = match[0];
      parent.appendChild(element);
      last = match.index + match[0].length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function displayDate(day) {
    return Number(day.slice(8, 10)) + ' ' + meta.months[Number(day.slice(5, 7)) - 1] + ' ' + day.slice(0, 4);
  }

  function element(name, className, parent) {
    const node = document.createElement(name);
    if (className) node.className = className;
    if (parent) parent.appendChild(node);
    return node;
  }

  /** Shows the next page of results, fetching only the docs files they are in. */
  async function showMore(state) {
    if (state.loading) return null;
    state.loading = true;
    const numbers = state.results.slice(state.shown, state.shown + meta.page_size);
    const chunks = await Promise.all(numbers.map((n) => load('docs/' + Math.floor(n / meta.chunk) + '.json')))
      .finally(() => { state.loading = false; });
    if (state !== current) return null;
    let first = null;
    numbers.forEach((n, index) => {
      const doc = chunks[index][n % meta.chunk];
      const card = element('article', 'card search-hit', element('li', null, list));
      const link = element('a', null, element('h2', null, card));
      link.href = root + doc[1];
      appendMarked(link, doc[0], state.terms);
      const info = element('p', 'meta', card);
      const time = element('time', null, info);
      time.dateTime = doc[2];
      time.textContent = displayDate(doc[2]);
      const names = doc[4].map((i) => meta.leaders[i][1]);
      if (names.length) info.appendChild(document.createTextNode(' · ' + names.join(' · ')));
      appendMarked(element('p', 'summary', card), doc[3], state.terms);
      first = first || link;
    });
    state.shown += numbers.length;
    more.hidden = state.shown >= state.results.length;
    return first;
  }

  function filterValues() {
    const values = {};
    for (const name in selects) values[name] = selects[name] ? selects[name].value : '';
    return values;
  }

  function describe(count, text, filters) {
    const parts = [count === 0 ? 'No articles' : count === 1 ? '1 article' : count + ' articles'];
    if (text.trim()) parts.push('for “' + text.trim() + '”');
    for (const name in selects) {
      const select = selects[name];
      const word = { leader: 'with ', topic: 'on ', year: 'in ' }[name];
      if (filters[name] && select) parts.push(word + select.options[select.selectedIndex].text);
    }
    return parts.join(' ') + '.';
  }

  /** Updates the address, so a search can be linked, then runs it. */
  async function run() {
    if (!meta) return;
    const mine = ++generation;
    const text = input.value;
    const filters = filterValues();
    const params = new URLSearchParams();
    if (text) params.set('q', text);
    for (const name in filters) if (filters[name]) params.set(name, filters[name]);
    const query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
    const terms = parse(text);
    const filtered = Object.keys(filters).some((name) => filters[name]);
    if (!terms.length && !(filtered && !text.trim())) {
      current = null;
      list.textContent = '';
      more.hidden = true;
      status.textContent = text.trim() ? 'Type a longer word or a name.' : '';
      return;
    }
    try {
      const results = await search(terms, filters);
      if (mine !== generation) return;
      const state = { terms: terms, results: results, shown: 0 };
      current = state;
      list.textContent = '';
      await showMore(state);
      if (state !== current) return;
      const broad = terms.find((term) => term.broad);
      status.textContent = broad && !results.length
        ? 'Keep typing: many words start with “' + broad.text + '”.' : describe(results.length, text, filters);
    } catch (error) {
      if (mine === generation) status.textContent = 'Search is unavailable: its index could not be loaded.';
    }
  }

  function links() { return Array.from(list.querySelectorAll('h2 a')); }

  let timer = 0;
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 120); });
  for (const name in selects) if (selects[name]) selects[name].addEventListener('change', run);
  form.addEventListener('submit', (event) => { event.preventDefault(); clearTimeout(timer); run(); });
  input.addEventListener('keydown', (event) => {
    const first = links()[0];
    if (event.key === 'ArrowDown' && first) { event.preventDefault(); first.focus(); }
  });
  list.addEventListener('keydown', (event) => {
    const all = links();
    const index = all.indexOf(document.activeElement);
    if (index < 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (index + 1 < all.length) all[index + 1].focus(); else if (!more.hidden) more.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      (index > 0 ? all[index - 1] : input).focus();
    } else if (event.key === 'Escape') {
      input.focus();
    }
  });
  more.addEventListener('keydown', (event) => {
    const all = links();
    if (event.key === 'ArrowUp' && all.length) { event.preventDefault(); all[all.length - 1].focus(); }
  });
  more.addEventListener('click', async () => {
    if (!current) return;
    const first = await showMore(current);
    if (first) first.focus();
  });

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  for (const name in selects) {
    const select = selects[name];
    const value = params.get(name);
    if (select && value && Array.from(select.options).some((option) => option.value === value)) select.value = value;
  }
  load('meta.json').then((loaded) => {
    if (loaded.version !== 1) throw new Error('unknown index version ' + loaded.version);
    meta = loaded;
    if (input.value || Object.values(filterValues()).some(Boolean)) run();
  }).catch(() => { status.textContent = 'Search is unavailable: its index could not be loaded.'; });
})();
