/*
 * kb's 404 page: short links on any static host.
 *
 * When the address is an article ID (/kb/319864, /kb/Q319864, /Q319864, /KB319864, in any case,
 * with or without a trailing slash, also /kb/NNN/Q319864/ with a wrong group folder), the page
 * reads the compact ID index (assets/article-ids.json; its format is described in kb's
 * ArticleIdIndex) and moves on to the article with location.replace. For an ID no article has,
 * it says so and offers the articles whose IDs are one slip away, or the nearest ID.
 * The resolver is a pure function, window.kbShortLinks.resolve(index, path), so that it can be
 * checked on every ID of a site. Plain JavaScript, no dependencies.
 */
(() => {
  'use strict';

  const SHORT_LINK = /^\/(?:kb\/(?:\d{1,3}\/)?(?:q|kb)?|q|kb)0*([1-9]\d{0,8})(?:\/(?:index\.html?)?)?$/i;
  /** At most this many "did you mean" articles. */
  const SUGGESTIONS = 3;

  /** The article number a path below the base URL names as a short link, or null. */
  function number(path) {
    const m = SHORT_LINK.exec(path);
    return m ? Number(m[1]) : null;
  }

  /** The numbers a string of codes stands for (the code of kb's SearchAssets). */
  function numbers(codes, alphabet, terminals) {
    const continuations = alphabet.length - terminals;
    const out = [];
    let digits = 0;
    let length = 0;
    for (let i = 0; i < codes.length; i++) {
      const v = alphabet.indexOf(codes[i]);
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
  }

  /** The ID index as {prefix, template, sorted: [n...], known: Set(n), other: Map(n -> [id, url])}. */
  function decode(data) {
    const sorted = [];
    let n = 0;
    for (const delta of numbers(data.ids, data.alphabet, data.terminals)) {
      n += delta;
      sorted.push(n);
    }
    const other = new Map();
    for (const [id, url] of data.other) {
      const digits = id.replace(/\D/g, '');
      if (digits && !other.has(Number(digits))) other.set(Number(digits), [id, url]);
    }
    const all = [...new Set(sorted.concat([...other.keys()]))].sort((a, b) => a - b);
    return { prefix: data.prefix, template: data.url, sorted: all, known: new Set(all), other };
  }

  /** {id, url} of article n (the URL below the base URL), or null. */
  function article(index, n) {
    if (index.other.has(n)) {
      const [id, url] = index.other.get(n);
      return { id, url };
    }
    if (!index.known.has(n)) return null;
    const id = index.prefix + n;
    const group = String(n).padStart(6, '0').slice(0, 3);
    return { id, url: index.template.replaceAll('{id}', id).replaceAll('{group}', group) };
  }

  /** Articles whose number is one slip from n (a digit changed, left out, added or two swapped), else the nearest. */
  function nearest(index, n) {
    const digits = String(n);
    const tries = new Set();
    for (let i = 0; i <= digits.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (i < digits.length) tries.add(digits.slice(0, i) + d + digits.slice(i + 1));
        tries.add(digits.slice(0, i) + d + digits.slice(i));
      }
      if (i < digits.length) tries.add(digits.slice(0, i) + digits.slice(i + 1));
      if (i + 1 < digits.length) tries.add(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2));
    }
    const slips = [...tries].filter((t) => /^[1-9]/.test(t)).map(Number)
      .filter((t) => t !== n && index.known.has(t))
      .sort((a, b) => Math.abs(a - n) - Math.abs(b - n) || a - b);
    if (slips.length) return slips.slice(0, SUGGESTIONS).map((t) => article(index, t));
    const sorted = index.sorted;
    if (!sorted.length) return [];
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < n) lo = mid + 1; else hi = mid;
    }
    const below = lo > 0 ? sorted[lo - 1] : null;
    const above = lo < sorted.length ? sorted[lo] : null;
    const best = below === null ? above : above === null ? below : (n - below <= above - n ? below : above);
    return [article(index, best)];
  }

  /**
   * What a path below the base URL leads to: null when it is no short link; {id, url} of the
   * article; or {missing: the ID asked for, number, suggestions: [{id, url}]} when no article has it.
   */
  function resolve(index, path) {
    const n = number(path);
    if (n === null) return null;
    const found = article(index, n);
    return found || { missing: index.prefix + n, number: n, suggestions: nearest(index, n) };
  }

  window.kbShortLinks = Object.freeze({ number, decode, resolve });

  const script = document.currentScript;
  const base = ((script && script.dataset.baseurl) || '').replace(/\/+$/, '');
  const path = base && location.pathname.startsWith(base + '/') ? location.pathname.slice(base.length) : location.pathname;
  if (number(path) === null || (base && !location.pathname.startsWith(base + '/'))) return;

  const status = document.getElementById('kb-not-found-status');
  const offer = document.getElementById('kb-not-found-nearest');
  const ids = (script && script.dataset.ids) || base + '/assets/article-ids.json';
  fetch(ids, { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : null))
    .then((data) => {
      if (!data) return;
      const found = resolve(decode(data), path);
      if (found && found.url) {
        if (status) status.textContent = 'Going to article ' + found.id + '\u2026';
        location.replace(base + found.url + location.search + location.hash);
        return;
      }
      if (!found || !status || !offer) return;
      status.textContent = 'There is no article ' + found.missing + ' in this knowledge base.';
      const link = (text, href) => Object.assign(document.createElement('a'), { href, textContent: text });
      if (found.suggestions.length) {
        offer.append(found.suggestions.length === 1 ? 'Did you mean this article: ' : 'Did you mean one of these: ');
        found.suggestions.forEach((s, i) => {
          if (i > 0) offer.append(', ');
          offer.append(link(s.id, base + s.url));
        });
        offer.append('? Or ');
      }
      offer.append(link((found.suggestions.length ? 's' : 'S') + 'earch for ' + found.number,
        base + '/search/?q=' + encodeURIComponent(String(found.number))), '.');
      offer.hidden = false;
    })
    .catch(() => {});
})();
