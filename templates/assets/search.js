/*
 * kb search: the search box in every page's header and the search page (/search/).
 *
 * On every page, "/" puts the cursor in the search box (unless you are typing in a field).
 * On the search page, the query and filters come from the URL (?q=&product=&type=&year=&sort=&page=,
 * &size= for another page size than 10, &pages=1 to find other pages besides the articles).
 * A query that is only an article ID (Q319864, 319864, KB319864, kb/319864) goes straight to the
 * article (location.replace, so that Back returns to where the search started).
 * When kb serve runs the site, its kb-site.json names the search API and the page shows ranked
 * hits with highlighted passages, facet counts, "did you mean", sorting and paging. On a plain
 * static host (GitHub Pages) there is no API: the page then loads the prebuilt title index
 * (assets/search-index.json, only when a search needs it) and finds articles by ID and title words.
 * Plain JavaScript, no dependencies.
 */
(() => {
  'use strict';

  const script = document.currentScript;
  const base = ((script && script.dataset.baseurl) || '').replace(/\/+$/, '');
  const PAGE_SIZE = 10;
  /** How deep the API pages: page × size at most this. */
  const MAX_WINDOW = 10000;
  /** Facet of the answer, URL parameter, heading. */
  const FACETS = [['product', 'product', 'Product'], ['issue_type', 'type', 'Issue type'], ['year', 'year', 'Year']];
  /** A query that is only an article ID, as kb's ArticleIdQuery reads it; group 2 is the number. */
  const ID_ONLY = /^\s*(\/?kb\/(?:q|kb)?|q|kb)?0*([1-9]\d{0,8})\/?\s*$/i;

  const box = document.querySelector('form[role="search"] input[name="q"]');

  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || !box) {
      return;
    }
    const target = event.target;
    if (target instanceof HTMLElement
        && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    event.preventDefault();
    box.focus();
    box.select();
  });

  const root = document.getElementById('kb-search');
  if (!root) {
    return;
  }
  const view = {
    status: document.getElementById('kb-search-status'),
    suggestion: document.getElementById('kb-search-suggestion'),
    sort: document.getElementById('kb-search-sort'),
    hits: document.getElementById('kb-hits'),
    pages: document.getElementById('kb-pages'),
    facets: document.getElementById('kb-facets'),
  };
  const pageTitle = document.title;

  // ---- the URL: what to search -----------------------------------------------------------

  /** The search the URL asks for, with values the API accepts. */
  function wanted() {
    const params = new URLSearchParams(location.search);
    const text = (name) => (params.get(name) || '').trim();
    const page = Number.parseInt(text('page'), 10);
    const asked = Number.parseInt(text('size'), 10);
    const size = Number.isInteger(asked) && asked >= 1 && asked <= 100 ? asked : PAGE_SIZE;
    const year = text('year');
    return {
      q: text('q'),
      product: text('product'),
      type: text('type'),
      year: /^\d{1,4}$/.test(year) ? year : '',
      sort: text('sort') === 'date' ? 'date' : 'relevance',
      page: Number.isInteger(page) && page > 0 ? Math.min(page, Math.floor(MAX_WINDOW / size)) : 1,
      size,
      pages: text('pages') === '1',
    };
  }

  /** The search page's address for a search. */
  function address(s) {
    const params = new URLSearchParams();
    if (s.q) params.set('q', s.q);
    if (s.product) params.set('product', s.product);
    if (s.type) params.set('type', s.type);
    if (s.year) params.set('year', s.year);
    if (s.sort === 'date') params.set('sort', 'date');
    if (s.page > 1) params.set('page', String(s.page));
    if (s.size !== PAGE_SIZE) params.set('size', String(s.size));
    if (s.pages) params.set('pages', '1');
    const query = params.toString();
    return location.pathname + (query ? '?' + query : '');
  }

  /** Shows another search: a new history entry, then the results. */
  function go(s) {
    history.pushState(null, '', address(s));
    run();
  }

  /** A link to another search that stays on this page (and still works as a plain link). */
  function link(text, s, className) {
    const a = document.createElement('a');
    a.href = address(s);
    a.textContent = text;
    if (className) a.className = className;
    a.addEventListener('click', (event) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      go(s);
      window.scrollTo(0, 0);
    });
    return a;
  }

  if (box && box.form) {
    box.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const current = wanted();
      go({ q: box.value.trim(), product: '', type: '', year: '', sort: current.sort, page: 1, size: current.size,
        pages: current.pages });
    });
  }
  const includePages = document.getElementById('kb-search-pages');
  if (includePages) {
    includePages.addEventListener('change', () => go({ ...wanted(), pages: includePages.checked, page: 1 }));
  }
  window.addEventListener('popstate', () => run());

  // ---- where to search: the API of kb serve, or the static title index ---------------------

  let apiRoot = null;
  /** The API's URL from kb-site.json (kb serve adds it), or null on a static host. */
  function api() {
    if (!apiRoot) {
      apiRoot = fetch(base + '/kb-site.json', { headers: { Accept: 'application/json' } })
        .then((r) => (r.ok ? r.json() : {}))
        .then((info) => (info && typeof info.api === 'string' ? info.api : null))
        .catch(() => null);
    }
    return apiRoot;
  }

  /** Asks the API; null when it cannot answer (so that the static index is used). */
  async function searchApi(url, s) {
    const params = new URLSearchParams({ q: s.q, size: String(s.size) });
    if (s.product) params.set('product', s.product);
    if (s.type) params.set('type', s.type);
    if (s.year) params.set('year', s.year);
    if (s.sort === 'date') params.set('sort', 'date');
    if (s.page > 1) params.set('page', String(s.page));
    if (s.pages) params.set('pages', '1');
    try {
      const response = await fetch(url + 'search?' + params, { headers: { Accept: 'application/json' } });
      if (!(response.headers.get('content-type') || '').includes('json')) return null;
      const body = await response.json();
      if (response.ok) return body;
      return response.status === 400 ? { error: body.error || 'bad search' } : null;
    } catch (e) {
      return null;
    }
  }

  let titleIndex = null;
  /** The static title index, loaded once, when first needed. */
  function staticIndex() {
    if (!titleIndex) {
      titleIndex = fetch(base + '/assets/search-index.json', { headers: { Accept: 'application/json' } })
        .then((r) => (r.ok ? r.json() : null))
        .then((data) => (data ? decodeIndex(data) : null))
        .catch(() => null);
    }
    return titleIndex;
  }

  /** The articles of the title index (the format is described in kb's SearchAssets). */
  function decodeIndex(data) {
    const alphabet = data.alphabet;
    const terminals = data.terminals;
    const continuations = alphabet.length - terminals;
    const value = new Map();
    for (let i = 0; i < alphabet.length; i++) value.set(alphabet[i], i);
    /** The numbers a string of codes stands for. */
    const numbers = (codes) => {
      const out = [];
      let digits = 0;
      let length = 0;
      for (let i = 0; i < codes.length; i++) {
        const v = value.get(codes[i]);
        if (v >= terminals) {
          digits = digits * continuations + (v - terminals);
          length++;
          continue;
        }
        let first = 0;
        let count = terminals;
        for (let j = 0; j < length; j++) {
          first += count;
          count *= continuations;
        }
        out.push(first + digits * terminals + v);
        digits = 0;
        length = 0;
      }
      return out;
    };
    const words = data.words.split(' ');
    const titles = data.titles.split(' ');
    const articles = [];
    let n = 0;
    numbers(data.ids).forEach((delta, i) => {
      n += delta;
      const id = data.prefix + n;
      const group = String(n).padStart(6, '0').slice(0, 3);
      const title = numbers(titles[i]).map((k) => words[k]).join(' ');
      articles.push({ id, n, title, url: data.url.replaceAll('{id}', id).replaceAll('{group}', group) });
    });
    for (const [id, title, url] of data.other) {
      const digits = id.replace(/\D/g, '');
      articles.push({ id, n: digits ? Number(digits) : -1, title, url });
    }
    for (const a of articles) a.words = tokens(a.title);
    return articles;
  }

  function tokens(text) {
    return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
  }

  /**
   * Articles of the title index for a query: those named by ID (Q319864, 319864, KB319864) first,
   * then those whose title has every word (the last one may be the start of a word), the titles
   * with the most hits of the words first.
   */
  function searchIndex(articles, q) {
    const words = tokens(q);
    // Q319864 and KB319864 anywhere; a bare 319864 when it is the whole query (as kb search does).
    const ids = new Set();
    for (const w of words) {
      const m = /^(?:q|kb)0*(\d+)$/.exec(w);
      if (m) ids.add(Number(m[1]));
    }
    const bare = words.length === 1 && /^\d+$/.test(words[0]);
    if (bare) ids.add(Number(words[0]));
    const titleWords = bare ? [] : words.filter((w) => !/^(?:q|kb)\d+$/.test(w));
    const byId = [];
    const byTitle = [];
    for (const a of articles) {
      if (ids.has(a.n)) {
        byId.push(a);
        continue;
      }
      if (titleWords.length === 0) continue;
      const hits = titleHits(a.words, titleWords);
      if (hits > 0) byTitle.push({ a, hits });
    }
    byTitle.sort((x, y) => y.hits - x.hits || x.a.words.length - y.a.words.length || x.a.n - y.a.n);
    return byId.concat(byTitle.map((x) => x.a));
  }

  /** How many words of the title match the query; 0 unless every query word is there. */
  function titleHits(title, query) {
    const last = query.length - 1;
    for (let i = 0; i < query.length; i++) {
      const w = query[i];
      if (!title.some((t) => (i === last ? t.startsWith(w) : t === w))) return 0;
    }
    return title.filter((t) => query.some((w, i) => (i === last ? t.startsWith(w) : t === w))).length;
  }

  // ---- showing results --------------------------------------------------------------------

  let runs = 0;

  async function run() {
    const s = wanted();
    const mine = ++runs;
    if (box) box.value = s.q;
    if (includePages) includePages.checked = s.pages;
    document.title = s.q ? '\u201c' + s.q + '\u201d \u2013 ' + pageTitle : pageTitle;
    if (!s.q && !s.product && !s.type && !s.year) {
      root.removeAttribute('aria-busy');
      clear();
      view.status.textContent = 'Type words or an article ID in the search box.';
      return;
    }
    root.setAttribute('aria-busy', 'true');
    view.status.textContent = 'Searching\u2026';
    const url = await api();
    const answer = url ? await searchApi(url, s) : null;
    let articles = null;
    if (!answer) articles = await staticIndex();
    if (mine !== runs) return;
    root.removeAttribute('aria-busy');
    clear();
    if (answer && answer.redirect) {
      view.status.textContent = 'Going to the article\u2026';
      location.replace(answer.redirect);
    } else if (answer && answer.error) {
      view.status.textContent = 'Cannot search: ' + answer.error;
    } else if (answer) {
      showResults(s, answer);
    } else if (articles) {
      showOffline(s, articles);
    } else {
      view.status.textContent = 'Search is not available here.';
    }
  }

  function clear() {
    view.hits.replaceChildren();
    view.facets.replaceChildren();
    view.pages.replaceChildren();
    view.sort.replaceChildren();
    view.suggestion.replaceChildren();
    view.facets.hidden = true;
    view.pages.hidden = true;
    view.sort.hidden = true;
    view.suggestion.hidden = true;
    view.hits.removeAttribute('start');
  }

  function quoted(q) {
    return q ? ' for \u201c' + q + '\u201d' : '';
  }

  function count(n) {
    return Number(n).toLocaleString('en');
  }

  /** What the results are: articles, or results when other pages are searched too. */
  function noun(s, n) {
    return s.pages ? (n === 1 ? ' result' : ' results') : (n === 1 ? ' article' : ' articles');
  }

  function showResults(s, r) {
    const from = (s.page - 1) * s.size + 1;
    const to = from + r.hits.length - 1;
    /** A filter value as readers know it (Bug for kbbug), from the facet counts. */
    const named = (dimension, value) => {
      const found = ((r.facets || {})[dimension] || []).find((v) => String(v.value).toLowerCase() === value.toLowerCase());
      return found && found.name ? found.name : value;
    };
    const filters = [named('product', s.product), named('issue_type', s.type), s.year].filter(Boolean);
    const within = filters.length ? ' in ' + filters.join(', ') : '';
    view.status.textContent = r.total === 0
      ? 'No' + noun(s, 0) + quoted(s.q) + within + '.'
      : (r.hits.length ? count(from) + '\u2013' + count(to) + ' of ' : 'Page ' + s.page + ' of ')
        + count(r.total) + noun(s, r.total) + quoted(s.q) + within + '.';
    // A long query is searched by its beginning: say so (the API's note).
    if (r.shortened && r.shortened.note) view.status.textContent += ' ' + r.shortened.note;

    if (r.suggestion && r.suggestion.toLowerCase() !== s.q.toLowerCase()) {
      view.suggestion.append('Did you mean ',
        link(r.suggestion, { ...s, q: r.suggestion, page: 1 }, 'kb-suggestion-link'), '?');
      view.suggestion.hidden = false;
    }

    if (r.total > 0) {
      view.sort.append('Sort by: ');
      for (const [value, label] of [['relevance', 'relevance'], ['date', 'date (newest first)']]) {
        if (s.sort === value) {
          const current = document.createElement('strong');
          current.textContent = label;
          current.setAttribute('aria-current', 'true');
          view.sort.append(current);
        } else {
          view.sort.append(link(label, { ...s, sort: value, page: 1 }));
        }
        if (value === 'relevance') view.sort.append(' \u00b7 ');
      }
      view.sort.hidden = false;
    }

    view.hits.start = from;
    for (const hit of r.hits) {
      const li = document.createElement('li');
      li.className = 'kb-hit';
      const a = document.createElement('a');
      a.className = 'kb-hit-title';
      a.href = hit.url;
      a.textContent = hit.title;
      li.append(a);
      const meta = [hit.product, hit.last_modified].filter(Boolean).join(' \u00b7 ');
      if (meta) {
        const p = document.createElement('p');
        p.className = 'kb-hit-meta';
        p.textContent = meta;
        li.append(p);
      }
      if (hit.snippet) {
        const p = document.createElement('p');
        p.className = 'kb-hit-snippet';
        p.append(marked(hit.snippet));
        li.append(p);
      }
      view.hits.append(li);
    }

    showFacets(s, r.facets || {}, r.not_classified || {});
    showPages(s, r.total);
  }

  /** A snippet's text with its <mark>s: nothing else of the HTML is kept. */
  function marked(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    const out = document.createDocumentFragment();
    for (const node of template.content.childNodes) {
      if (node.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = node.textContent;
        out.append(mark);
      } else {
        out.append(node.textContent);
      }
    }
    return out;
  }

  /**
   * Facet values with their counts, named for readers (Bug, not kbbug; the code stays the filter);
   * the matches without a value are "not classified", so that one-valued facets add up to the total.
   */
  function showFacets(s, facets, notClassified) {
    for (const [dimension, param, heading] of FACETS) {
      const values = facets[dimension] || [];
      const unclassified = Number(notClassified[dimension] || 0);
      if (!values.length && !s[param]) continue;
      const section = document.createElement('section');
      section.className = 'kb-facet';
      section.dataset.facet = param;
      const h = document.createElement('h2');
      h.textContent = heading;
      section.append(h);
      const ul = document.createElement('ul');
      if (s[param]) {
        const li = document.createElement('li');
        li.className = 'kb-facet-active';
        const strong = document.createElement('strong');
        const chosen = values.find((v) => String(v.value).toLowerCase() === s[param].toLowerCase());
        strong.textContent = chosen && chosen.name ? chosen.name : s[param];
        li.append(strong, ' ', link('\u00d7 remove', { ...s, [param]: '', page: 1 }, 'kb-facet-remove'));
        ul.append(li);
      } else {
        for (const v of values) {
          const li = document.createElement('li');
          const a = link(v.name || v.value, { ...s, [param]: v.value, page: 1 }, 'kb-facet-value');
          if (v.name && v.name !== v.value) a.title = v.value;
          const n = document.createElement('span');
          n.className = 'kb-count';
          n.textContent = count(v.count);
          li.append(a, ' ', n);
          ul.append(li);
        }
        if (unclassified > 0 && values.length) {
          const li = document.createElement('li');
          li.className = 'kb-facet-none';
          const n = document.createElement('span');
          n.className = 'kb-count';
          n.textContent = count(unclassified);
          li.append('not classified ', n);
          ul.append(li);
        }
      }
      section.append(ul);
      view.facets.append(section);
    }
    view.facets.hidden = !view.facets.childElementCount;
  }

  function showPages(s, total) {
    const last = Math.min(Math.ceil(total / s.size), Math.floor(MAX_WINDOW / s.size));
    if (last <= 1) return;
    const add = (label, page, rel) => {
      const a = link(label, { ...s, page }, 'kb-page');
      if (rel) a.rel = rel;
      view.pages.append(a);
    };
    if (s.page > 1) add('\u2039 Previous', s.page - 1, 'prev');
    const shown = new Set([1, last]);
    for (let p = s.page - 2; p <= s.page + 2; p++) if (p >= 1 && p <= last) shown.add(p);
    let previous = 0;
    for (const p of [...shown].sort((x, y) => x - y)) {
      if (p > previous + 1) view.pages.append(Object.assign(document.createElement('span'), { className: 'kb-gap', textContent: '\u2026' }));
      if (p === s.page) {
        const current = document.createElement('span');
        current.className = 'kb-page kb-page-current';
        current.setAttribute('aria-current', 'page');
        current.textContent = String(p);
        view.pages.append(current);
      } else {
        add(String(p), p);
      }
      previous = p;
    }
    if (s.page < last) add('Next \u203a', s.page + 1, 'next');
    view.pages.hidden = false;
  }

  function showOffline(s, articles) {
    const id = ID_ONLY.exec(s.q);
    if (id && (id[1] || id[2].length >= 4) && !s.product && !s.type && !s.year && s.page === 1) {
      const article = articles.find((a) => a.n === Number(id[2]));
      if (article) {
        view.status.textContent = 'Going to the article\u2026';
        location.replace(base + article.url);
        return;
      }
    }
    if (includePages) includePages.closest('label').hidden = true;
    const found = s.q ? searchIndex(articles, s.q) : [];
    const from = (s.page - 1) * s.size;
    const page = found.slice(from, from + s.size);
    view.status.textContent = (found.length === 0
      ? 'No articles' + quoted(s.q) + '.'
      : (found.length > s.size ? count(from + 1) + '\u2013' + count(from + page.length) + ' of ' : '')
        + count(found.length) + (found.length === 1 ? ' article' : ' articles') + quoted(s.q) + '.');
    const notice = document.createElement('span');
    notice.className = 'kb-offline';
    notice.textContent = ' (offline index: article IDs and title words only)';
    view.status.append(notice);
    view.hits.start = from + 1;
    for (const a of page) {
      const li = document.createElement('li');
      li.className = 'kb-hit';
      const anchor = document.createElement('a');
      anchor.className = 'kb-hit-title';
      anchor.href = base + a.url;
      anchor.textContent = a.id + ': ' + a.title;
      li.append(anchor);
      view.hits.append(li);
    }
    showPages(s, found.length);
  }

  run();
})();
