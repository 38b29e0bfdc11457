import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { County } from '../src/model/config.js';
import type { OutputFile } from '../src/model/output-file.js';
import { createChainArena } from '../src/search/chain-arena.js';
import { createGramTable, tripleKey, tripleOf } from '../src/search/gram-table.js';
import { shardCount, shardOfCodePoints, writeNumber } from '../src/search/index-builder.js';
import { createSearchTexts, searchDocFiles, searchIndexFiles } from '../src/search/index-in-steps.js';
import { htmlToText, type SearchDoc } from '../src/search/records.js';
import { gramShard, normalizeSearchText, parseQuery, readNumbers, termGrams } from '../src/search/tokens.js';
import { engineOver } from './search-harness.js';

const COUNTIES: County[] = [
  { name: '江华县', aliases: ['江华瑶族自治县'], slug: 'jianghua' },
  { name: '道县', aliases: [], slug: 'daoxian' },
  { name: '祁阳县', aliases: ['祁阳市'], slug: 'qiyang' },
];

/** Text from few characters, so that pairs and triples recur, with some that NFKC folds or drops. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('人', '才', '强', '县', '道', '江', '华', '干', '部', '，', '。', ' ') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'Ａ',
      'b',
      '１',
      '2',
      '𠀀',
      '😀',
      'é',
      'e\u0301',
      'ﬁ',
      'İ',
      '\u3000',
      '·',
      '“',
      '”',
      '\n',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('江华瑶族自治县', '祁阳市', '道县', '人才强县') },
);
const words = (max: number) => fc.array(piece, { maxLength: max }).map((p) => p.join(''));

interface Doc {
  title: string;
  body: string;
  theme: string;
  county: number;
  year: number;
}

const docArb = fc.record({
  title: words(6),
  body: words(30),
  theme: fc.constantFrom('人才强县', '干部工作', '江华，道县'),
  county: fc.nat(COUNTIES.length - 1),
  year: fc.constantFrom(2009, 2010),
});

/** Search docs as the site makes them: run-in title first, in the site's order. */
function searchDocs(docs: readonly Doc[]): SearchDoc[] {
  return docs.map((d, i) => ({
    file: `issues/f${i}.md`,
    html: `<p><strong>${d.title}。</strong>${d.body.replace(/\n+/g, '</p>\n<p>')}</p>`,
    meta: {
      title: d.title,
      county: COUNTIES[d.county]!.name,
      year: d.year,
      issue: `${d.year}年第${i}期（总第${i}期）`,
      date: `${d.year}年1月1日`,
      theme: d.theme,
      href: `${d.year}/${i}/index.html#x`,
    },
  }));
}

/**
 * What the engine must find, from the plain texts: every term in the text or
 * in the theme (not across the two); a county's name or other spelling also
 * matches that county's write-ups and any of its spellings.
 */
function naive(docs: readonly SearchDoc[], query: string): number[] {
  const { terms } = parseQuery(query);
  if (terms.length === 0) return [];
  return docs.flatMap((doc, id) => {
    const text = normalizeSearchText(htmlToText(doc.html));
    const theme = normalizeSearchText(doc.meta.theme);
    const ok = terms.every(({ norm }) => {
      const county = COUNTIES.find((c) => [c.name, ...c.aliases].some((n) => normalizeSearchText(n) === norm));
      const spellings = county ? [county.name, ...county.aliases].map(normalizeSearchText) : [norm];
      return county?.name === doc.meta.county || spellings.some((s) => text.includes(s) || theme.includes(s));
    });
    return ok ? [id] : [];
  });
}

const collect = (files: Iterable<OutputFile>) => [...files];
const text = (f: OutputFile) => (typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8'));

describe('the index as the browser reads it', () => {
  it('finds exactly the write-ups holding every term, as written, and counts the facets', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(docArb, { minLength: 1, maxLength: 14 }),
        fc.array(fc.oneof(words(4), fc.constant('道县'), fc.constant('江华瑶族自治县')), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.nat(),
        async (docs, terms, pick) => {
          const site = searchDocs(docs);
          // Half the queries are cut from a write-up, as readers copy them.
          const from = site[pick % site.length]!;
          const cut = htmlToText(from.html).slice(pick % 7, (pick % 7) + 2 + (pick % 5));
          const query = pick % 2 === 0 ? terms.join(' ') : cut;
          const engine = engineOver(searchIndexFiles(site, COUNTIES));
          const found = await engine.search(query);
          const want = naive(site, query);
          expect([...found.ids]).toEqual(want);
          expect(found.total).toBe(want.length);
          const years = new Map<number, number>();
          for (const id of want) years.set(docs[id]!.year, (years.get(docs[id]!.year) ?? 0) + 1);
          expect(found.years.map(([y, n]) => [y, n])).toEqual([...years].sort((a, b) => b[0] - a[0]));
          const inYear = await engine.search(query, { year: '2009' });
          expect([...inYear.ids]).toEqual(want.filter((id) => docs[id]!.year === 2009));
          const relevance = await engine.search(query, { sort: 'relevance' });
          expect([...relevance.ids].sort((a, b) => a - b)).toEqual(want);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('tells a phrase from its pieces found apart (near misses), in the text or the theme, never across', async () => {
    const alphabet = fc.constantFrom('人', '才', '强', '县', '道');
    await fc.assert(
      fc.asyncProperty(
        fc.array(alphabet, { minLength: 4, maxLength: 7 }).map((c) => c.join('')),
        fc.array(fc.tuple(fc.nat(6), fc.nat(6), fc.constantFrom('', '，', '甲', '\n')), { minLength: 1, maxLength: 8 }),
        fc.nat(),
        async (phrase, cuts, seed) => {
          // Write-ups made of pieces of the phrase, so most hold all its pairs and triples but not all of it.
          const pieces = cuts.map(([a, b, sep]) => phrase.slice(Math.min(a, b), Math.max(a, b) + 1) + sep);
          const docs: Doc[] = pieces.map((_, i) => ({
            title: '题',
            body: pieces.slice(i).join(''),
            theme: i % 2 ? phrase.slice(0, 3) : pieces[(seed + i) % pieces.length]!,
            county: 0,
            year: 2009,
          }));
          const site = searchDocs(docs);
          const found = await engineOver(searchIndexFiles(site, COUNTIES)).search(phrase);
          expect([...found.ids]).toEqual(naive(site, phrase));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shows each result with its passage, the terms marked, and its county apart from its title', async () => {
    const site = searchDocs([
      {
        title: '双牌县大力推进人才强县战略',
        body: '一是创新人才引进理念。干部到道县挂职。',
        theme: '人才',
        county: 1,
        year: 2009,
      },
      { title: '江华县全力提供干部保障', body: '江华瑶族自治县调配干部。', theme: '干部', county: 0, year: 2010 },
    ]);
    const engine = engineOver(searchIndexFiles(site, COUNTIES));
    const found = await engine.search('干部 "人才强县"');
    expect([...found.ids]).toEqual([0]);
    const [first] = await found.page(0, 10);
    expect(first!.title).toBe('双牌县大力推进人才强县战略');
    expect(first!.county).toBe('道县');
    expect(first!.passage.filter(([, marked]) => marked).map(([t]) => t)).toEqual(['人才强县', '干部']);
    // An alias finds the county's write-ups; the spelling in the text is marked.
    const alias = await engine.search('江华瑶族自治县');
    expect([...alias.ids]).toEqual([1]);
    expect((await alias.page(0, 1))[0]!.passage.some(([t, m]) => m && t === '江华瑶族自治县')).toBe(true);
    expect(alias.counties).toEqual([['江华县', 1]]);
    // Single characters are left out, said so; a term alone is counted.
    const short = await engine.search('县 人才');
    expect(short.short).toEqual(['县']);
    expect(short.terms).toEqual(['人才']);
    const none = await engine.search('道县 江华县');
    expect(none.total).toBe(0);
    expect([...none.termCounts]).toEqual([1, 1]);
  });

  it('loads only the files a query needs: the manifest, its entries, and the write-ups shown', async () => {
    const site = searchDocs(
      Array.from({ length: 40 }, (_, i) => ({
        title: `标题${i}`,
        body: '人才强县干部',
        theme: '人才',
        county: 1,
        year: 2009,
      })),
    );
    const engine = engineOver(searchIndexFiles(site, COUNTIES));
    const found = await engine.search('人才强县');
    await found.page(0, 10);
    const files = engine.files();
    expect(files[0]).toBe('search-index/manifest.js');
    expect(files.filter((f) => f.includes('/g/'))).toHaveLength(termGrams('人才强县').length);
    expect(files.filter((f) => f.includes('/d/'))).toHaveLength(10);
  });

  it('says so when an index file is missing', async () => {
    const files = collect(
      searchIndexFiles(searchDocs([{ title: '甲乙', body: '人才', theme: '丙丁', county: 0, year: 2009 }]), COUNTIES),
    );
    const engine = engineOver(files.filter((f) => !f.path.includes('/g/')));
    await expect(engine.search('人才')).rejects.toThrow(/not loaded/);
  });
});

describe('the index made in two steps (on the executor thread)', () => {
  it('writes the very files of the one-pass index, whatever order the HTML came in and whichever was sent again', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ doc: docArb, sentAhead: fc.boolean(), changed: fc.boolean() }), { maxLength: 10 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (writeUps, order) => {
          const site = searchDocs(writeUps.map((w) => w.doc));
          const steps = createSearchTexts();
          // Sent ahead in an order of their own (folders are checked in parallel), some with HTML rendered otherwise since.
          const ahead = site.map((d, i) => ({ d, i, key: order[i] ?? i })).sort((a, b) => a.key - b.key);
          for (const { d, i } of ahead) {
            if (writeUps[i]!.sentAhead) steps.add(d.file, writeUps[i]!.changed ? `${d.html}<p>变了</p>` : d.html);
          }
          const sent = site.map((d, i) =>
            writeUps[i]!.sentAhead && !writeUps[i]!.changed ? { file: d.file, meta: d.meta } : d,
          );
          const two = [...collect(searchDocFiles(site)), ...collect(steps.files(sent, COUNTIES))].map((f) => [
            f.path,
            text(f),
          ]);
          const one = collect(searchIndexFiles(site, COUNTIES)).map((f) => [f.path, text(f)]);
          expect(two).toEqual(one);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the parts of the index', () => {
  it('spells numbers as the browser reads them', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(100), fc.nat(), fc.maxSafeNat())), (values) => {
        expect(readNumbers(values.map(writeNumber).join(''))).toEqual(values);
      }),
    );
  });

  it('picks the file of an entry from its code points as the browser does from its characters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0x30, max: 0x10ffff }), { minLength: 2, maxLength: 3 }),
        fc.nat(12),
        (cps, bits) => {
          const shards = 2 ** bits;
          const gram = String.fromCodePoint(...cps);
          expect(shardOfCodePoints(cps[0]!, cps[1]!, cps[2], shards)).toBe(gramShard(gram, shards));
        },
      ),
    );
  });

  it('keeps byte chains apart across chunk ends, and numbers keys in the order met', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(20), fc.oneof(fc.nat(300), fc.maxSafeNat())), { maxLength: 400 }),
        (pushes) => {
          const arena = createChainArena(6);
          const want = new Map<number, number[]>();
          for (const [id, v] of pushes) {
            arena.push(id, v);
            want.set(id, [...(want.get(id) ?? []), v]);
          }
          for (let id = 0; id <= 21; id++) expect([...arena.read(id)]).toEqual(want.get(id) ?? []);
        },
      ),
    );
    const table = createGramTable(2);
    const keys = Array.from({ length: 500 }, (_, i) => tripleKey(0x4e00 + i, 0x10ffff - i, i));
    expect(keys.map(([hi, lo]) => table.id(hi, lo))).toEqual(keys.map((_, i) => i));
    expect(keys.map(([hi, lo]) => table.find(hi, lo))).toEqual(keys.map((_, i) => i));
    expect(table.find(1, 2)).toBe(-1);
    expect(tripleOf(...tripleKey(0x10ffff, 0x4e00, 0x20000))).toEqual([0x10ffff, 0x4e00, 0x20000]);
  });

  it('cuts queries into terms: spaces apart, quotes together, punctuation inside a word ignored', () => {
    const terms = (q: string) => parseQuery(q).terms.map((t) => t.norm);
    expect(terms('道县 人才')).toEqual(['道县', '人才']);
    expect(terms('"人才强县"')).toEqual(['人才强县']);
    expect(terms('“人才 强县”　干部')).toEqual(['人才强县', '干部']);
    expect(terms('「江华 县」')).toEqual(['江华县']);
    expect(terms('持“好')).toEqual(['持好']);
    expect(terms('人才 人才')).toEqual(['人才']);
    expect(parseQuery('人 才')).toEqual({ terms: [], short: ['人', '才'] });
    expect(termGrams('人才')).toEqual([{ gram: '人才', offset: 0 }]);
    expect(termGrams('人才强县战略服').map((g) => g.offset)).toEqual([0, 3, 4]);
  });

  it('has as many entry files as the text needs, a power of two, within bounds', () => {
    expect(shardCount(0)).toBe(16);
    expect(shardCount(2_000_000)).toBe(2048);
    expect(shardCount(1e9)).toBe(4096);
  });
});
