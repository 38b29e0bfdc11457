// The site's search engine: finds write-ups in the site's own index
// (search-index/, written by yongzu build, see docs/maintainers/search.md).
// A classic script, not a module, so that it runs from disk (file://) as
// from any web server; the index's files are scripts too, each calling back
// into self.__yongzuSearch. No DOM besides loading those scripts, so the
// tests and the benchmark call it directly.
//
// A query is cut by the same code the index was written with
// (search-tokens.js, generated from src/search/tokens.ts): every term must
// match; a two-character term is looked up as that pair of characters, a
// longer one as triples whose positions must line up, so a match is exact.
// A county's name or any of its other spellings matches the county's
// write-ups and any text with one of its spellings.
(() => {
  const T = self.YongzuSearchTokens;
  /** The engines waiting for index files, by file: an index file calls back into each. */
  const engines = new Set();
  const deliver = (key, data) => {
    for (const engine of engines) engine.deliver(key, data);
  };
  self.__yongzuSearch = {
    manifest: (data) => deliver('manifest', data),
    grams: (shard, data) => deliver(`g${shard}`, data),
    doc: (id, data) => deliver(`d${id}`, data),
  };

  /** The search engine of the site at `root` (a URL). It loads only the index files a query needs, each once. */
  function createSearchEngine(root) {
    const waiting = new Map();
    const cache = new Map();
    /** The files loaded, in order (the benchmark adds up their sizes). */
    const files = [];
    const engine = {
      deliver(key, data) {
        const w = waiting.get(key);
        if (w) {
          waiting.delete(key);
          w.resolve(data);
        }
      },
    };
    engines.add(engine);

    function load(key, path) {
      if (!cache.has(key)) {
        const promise = new Promise((resolve, reject) => {
          waiting.set(key, { resolve, reject });
          const script = document.createElement('script');
          script.src = new URL(`search-index/${path}`, root).href;
          script.async = true;
          const done = (failed) => {
            script.remove();
            const w = waiting.get(key);
            if (!w) return;
            waiting.delete(key);
            w.reject(new Error(`${path}: ${failed ? 'not loaded' : 'no data'}`));
          };
          script.onload = () => done(false);
          script.onerror = () => done(true);
          files.push(`search-index/${path}`);
          document.head.append(script);
        });
        // A file that failed may be asked for again (the reader may search again).
        promise.catch(() => cache.delete(key));
        cache.set(key, promise);
      }
      return cache.get(key);
    }

    let manifest;
    async function loadManifest() {
      if (!manifest) manifest = load('manifest', 'manifest.js').then(readManifest);
      return manifest;
    }

    const decoded = new Map();
    /** An entry's postings, decoded once: undefined when no write-up has it. */
    async function postings(m, gram) {
      if (decoded.has(gram)) return decoded.get(gram);
      const shard = T.gramShard(gram, m.shards);
      const data = await load(`g${shard}`, `g/${shard}.js`);
      const text = Object.hasOwn(data, gram) ? data[gram] : undefined;
      const list = text === undefined ? undefined : decodePostings(T.readNumbers(text), Array.from(gram).length);
      decoded.set(gram, list);
      return list;
    }

    /**
     * The write-ups holding a normalized phrase: Map id → { count, head }.
     * Two characters: its pair's postings. Longer: its triples' positions
     * must line up (termGrams gives each triple's offset in the phrase).
     */
    async function phraseMatches(m, norm) {
      const grams = T.termGrams(norm);
      const lists = await Promise.all(grams.map((g) => postings(m, g.gram)));
      const out = new Map();
      if (lists.some((l) => l === undefined)) return out;
      if (grams.length === 1 && Array.from(norm).length === 2) {
        const l = lists[0];
        for (let i = 0; i < l.docs.length; i++) out.set(l.docs[i], { count: l.counts[i], head: l.heads[i] });
        return out;
      }
      const byDoc = lists.map((l) => new Map(l.docs.map((d, i) => [d, i])));
      const first = lists[0];
      for (let i = 0; i < first.docs.length; i++) {
        const doc = first.docs[i];
        const rows = byDoc.map((b) => b.get(doc));
        if (rows.some((r) => r === undefined)) continue;
        // Where the phrase would start, by each triple; it is there where all agree.
        let starts = new Set(first.positions(i).map((p) => p - grams[0].offset));
        for (let k = 1; k < grams.length && starts.size > 0; k++) {
          const at = new Set(lists[k].positions(rows[k]).map((p) => p - grams[k].offset));
          starts = new Set([...starts].filter((s) => at.has(s)));
        }
        if (starts.size > 0) out.set(doc, { count: starts.size, head: rows.every((r, k) => lists[k].heads[r] === 1) });
      }
      return out;
    }

    /**
     * Searches `query`. Resolves to { terms, termCounts, short, total, ids, years, counties, page(from, n) }:
     * `terms` searched (as typed) and how many write-ups match each alone,
     * `short` left out (single characters), the
     * write-ups matching every term as `ids` (filtered by `year` and `county`,
     * a county's name, and sorted by date, newest first, or by `sort:
     * 'relevance'`), their number `total`, the facets `years` ([year, count],
     * newest first, counted under the county filter) and `counties` ([name,
     * count], in the configuration's order, counted under the year filter),
     * and `page(from, n)`, which resolves to the results from..from+n to show.
     */
    async function search(query, filters = {}) {
      const { terms, short } = T.parseQuery(query);
      const empty = { terms: [], termCounts: [], short, total: 0, ids: [], years: [], counties: [] };
      if (terms.length === 0) return { ...empty, page: async () => [] };
      const m = await loadManifest();
      const perTerm = await Promise.all(terms.map((t) => termMatches(m, t.norm)));
      // Every term, smallest first.
      const sorted = [...perTerm].sort((a, b) => a.docs.size - b.docs.size);
      let matches = [...sorted[0].docs.keys()];
      for (const t of sorted.slice(1)) matches = matches.filter((id) => t.docs.has(id));
      matches.sort((a, b) => a - b);
      const countyIndex = filters.county ? m.countyByName.get(filters.county) : undefined;
      const year = filters.year ? Number(filters.year) : undefined;
      const inYear = (id) => year === undefined || m.yearOf[id] === year;
      const inCounty = (id) => countyIndex === undefined || m.countyOf[id] === countyIndex;
      const yearCounts = new Map();
      const countyCounts = new Map();
      for (const id of matches) {
        if (inCounty(id)) yearCounts.set(m.yearOf[id], (yearCounts.get(m.yearOf[id]) ?? 0) + 1);
        if (inYear(id)) countyCounts.set(m.countyOf[id], (countyCounts.get(m.countyOf[id]) ?? 0) + 1);
      }
      const ids = matches.filter((id) => inYear(id) && inCounty(id));
      if (filters.sort === 'relevance') {
        const score = new Map(ids.map((id) => [id, relevance(id, perTerm, m.docs)]));
        ids.sort((a, b) => score.get(b) - score.get(a) || a - b);
      }
      const phrases = perTerm.flatMap((t) => t.phrases);
      return {
        terms: terms.map((t) => t.text),
        termCounts: perTerm.map((t) => t.docs.size),
        short,
        total: ids.length,
        ids,
        years: [...yearCounts].sort((a, b) => b[0] - a[0]),
        counties: m.counties.map((names, i) => [names[0], countyCounts.get(i) ?? 0]).filter(([, n]) => n > 0),
        page: (from, n) => Promise.all(ids.slice(from, from + n).map((id) => result(m, id, phrases))),
      };
    }

    /**
     * The write-ups matching a term: Map id → { count, head }, and the
     * phrases that show it in a text. A county's name or other spelling
     * matches its write-ups, and texts with any of its spellings.
     */
    async function termMatches(m, norm) {
      const county = m.countyByNorm.get(norm);
      const phrases = county === undefined ? [norm] : m.spellings[county];
      const docs = new Map();
      for (const found of await Promise.all(phrases.map((p) => phraseMatches(m, p)))) {
        for (const [id, hit] of found) {
          const had = docs.get(id);
          docs.set(id, had ? { count: had.count + hit.count, head: had.head || hit.head } : hit);
        }
      }
      if (county !== undefined) {
        for (let id = 0; id < m.docs; id++) {
          if (m.countyOf[id] === county) docs.set(id, { count: (docs.get(id)?.count ?? 0) + 1, head: true });
        }
      }
      return { docs, phrases };
    }

    /** A result to show: the write-up's file, its county, and the passage where the terms are. */
    async function result(m, id, phrases) {
      const folder = Math.floor(id / m.docsPerFolder);
      const doc = await load(`d${id}`, `d/${folder}/${id}.js`);
      const passage =
        findPassage(doc.text, phrases) ?? findPassage(doc.theme, phrases) ?? findPassage(doc.text, [], 80);
      return {
        id,
        href: doc.href,
        title: doc.title,
        county: m.counties[m.countyOf[id]][0],
        issue: doc.issue,
        date: doc.date,
        theme: doc.theme,
        passage,
      };
    }

    return { search, loadManifest, files: () => [...files] };
  }

  /** The manifest with each write-up's year and county spelled out (see manifestFile in src/search). */
  function readManifest(data) {
    const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
    const countyOf = new Uint16Array(data.docs);
    for (let id = 0; id < data.docs; id++) {
      let v = 0;
      for (let k = 0; k < data.countyWidth; k++) v = v * 64 + digits.indexOf(data.county[id * data.countyWidth + k]);
      countyOf[id] = v;
    }
    const yearOf = new Uint16Array(data.docs);
    let at = 0;
    for (const [year, n] of data.years) yearOf.fill(year, at, (at += n));
    const countyByNorm = new Map();
    const countyByName = new Map();
    const spellings = data.counties.map((names, i) => {
      countyByName.set(names[0], i);
      const norms = [...new Set(names.map((n) => T.normalizeSearchText(n)).filter((n) => Array.from(n).length >= 2))];
      for (const n of norms) if (!countyByNorm.has(n)) countyByNorm.set(n, i);
      return norms;
    });
    return { ...data, countyOf, yearOf, countyByNorm, countyByName, spellings };
  }

  /**
   * Postings as written by src/search/index-builder.ts (encodeGram): for a
   * pair, per write-up its number, headline flag and how often (as a count:
   * 1, 2, 3 or 5 for "more"); for a triple, also its positions.
   */
  function decodePostings(nums, width) {
    const docs = [];
    const heads = [];
    const counts = [];
    const starts = [];
    let doc = -1;
    for (let i = 0; i < nums.length; ) {
      let v = nums[i++];
      let count;
      if (width === 2) {
        count = [1, 2, 3, 5][v % 4];
        v = Math.floor(v / 4);
      }
      heads.push(v % 2);
      doc += Math.floor(v / 2) + 1;
      docs.push(doc);
      if (width === 3) {
        count = nums[i++] + 1;
        starts.push(i);
        i += count;
      }
      counts.push(count);
    }
    const positions = (row) => {
      const out = [];
      for (let k = 0, pos = -1; k < counts[row]; k++) out.push((pos += nums[starts[row] + k] + 1));
      return out;
    };
    return { docs, heads, counts, positions };
  }

  /** How well a write-up matches: per term, more for the headline, for more occurrences, for rarer terms. */
  function relevance(id, perTerm, docCount) {
    let score = 0;
    for (const t of perTerm) {
      const hit = t.docs.get(id);
      if (!hit) continue;
      const weight = Math.log(1 + docCount / t.docs.size);
      score += weight * ((hit.head ? 3 : 0) + 1 + Math.log2(hit.count));
    }
    return score;
  }

  /**
   * Where the phrases (normalized) occur in `text`: the passage around the
   * first, `context` characters either side, cut into parts [text, marked]
   * (punctuation kept, line breaks as spaces); undefined when none occurs
   * (with no phrases: the start of the text).
   */
  function findPassage(text, phrases, context = 40) {
    let normalized = '';
    const origin = [];
    for (let i = 0; i < text.length; ) {
      const ch = String.fromCodePoint(text.codePointAt(i));
      const n = T.normalizeSearchText(ch);
      for (let k = 0; k < n.length; k++) origin.push(i);
      normalized += n;
      i += ch.length;
    }
    const ranges = [];
    for (const phrase of phrases) {
      for (let at = normalized.indexOf(phrase); at >= 0; at = normalized.indexOf(phrase, at + 1)) {
        const last = origin[at + phrase.length - 1];
        ranges.push([origin[at], last + String.fromCodePoint(text.codePointAt(last)).length]);
      }
    }
    if (ranges.length === 0 && phrases.length > 0) return undefined;
    ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const start = ranges.length > 0 ? ranges[0][0] : 0;
    const end = ranges.length > 0 ? ranges[0][1] : 0;
    const from = Math.max(0, start - context);
    const to = Math.min(text.length, end + context);
    const parts = [];
    let at = from;
    for (const [s, e] of ranges) {
      if (s < at || e > to) continue;
      if (s > at) parts.push([text.slice(at, s), false]);
      parts.push([text.slice(s, e), true]);
      at = e;
    }
    if (at < to) parts.push([text.slice(at, to), false]);
    if (from > 0) parts.unshift(['……', false]);
    if (to < text.length) parts.push(['……', false]);
    return parts.map(([t, marked]) => [t.replace(/\s+/g, ' '), marked]);
  }

  self.YongzuSearch = { createSearchEngine, findPassage };
})();
