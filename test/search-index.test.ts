import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSearchIndex, encodePostings, POSTING_SHARDS, SEARCH_DIR } from '../src/search/create-search-index.js';
import { createSearchTexts } from '../src/search/index-in-steps.js';
import { indexTokens, tokenShard } from '../src/search/tokens.js';
import { searchRecordOf, type SearchDoc, type SearchRecord } from '../src/search/records.js';

const record = (indexed: string): SearchRecord => ({
  indexed,
  meta: { title: 't', issue: 'i', theme: 'th', href: 'h', text: indexed },
});

/** The index as the browser sees it: every token of every postings file, and the file it is in. */
function readPostings(files: ReturnType<typeof createSearchIndex>): Map<string, { ids: string; shard: number }> {
  const all = new Map<string, { ids: string; shard: number }>();
  for (const f of files) {
    const m = f.path.match(new RegExp(`^${SEARCH_DIR}/postings/(\\d+)\\.json$`));
    if (!m) continue;
    for (const [token, ids] of Object.entries(JSON.parse(f.content as string) as Record<string, string>))
      all.set(token, { ids, shard: Number(m[1]) });
  }
  return all;
}

/** The reference: tokens as strings per record, as the browser cuts a query (indexTokens). */
function referencePostings(texts: readonly string[]): Map<string, string> {
  const lists = new Map<string, number[]>();
  texts.forEach((t, id) => {
    for (const token of indexTokens(t)) lists.set(token, [...(lists.get(token) ?? []), id]);
  });
  return new Map([...lists].map(([token, ids]) => [token, encodePostings(ids)]));
}

const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '人才',
        '强县',
        '干部',
        '，',
        '。',
        'Ａｂ',
        'AB',
        '１２',
        '12',
        ' ',
        '\n',
        '𠀀',
        '𠀁',
        '😀',
        'é',
        'ﬁ',
        '\ud800',
        'İ',
        '\udc00',
        '\u0301',
        '\u3000',
        '·',
        '٣',
        'Ⅻ',
        '²',
        'ß',
        'ǅ',
      ),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 30 },
  )
  .map((p) => p.join(''));

describe('search index', () => {
  it('holds exactly the tokens indexTokens() cuts, each with the ascending ids of its write-ups, in the shard the browser asks', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), (texts) => {
        const got = readPostings(createSearchIndex(texts.map(record)));
        const want = referencePostings(texts);
        expect(new Set(got.keys())).toEqual(new Set(want.keys()));
        for (const [token, ids] of want) {
          expect(got.get(token)!.ids).toBe(ids);
          expect(got.get(token)!.shard).toBe(tokenShard(token, POSTING_SHARDS));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds a phrase in the write-ups that have it, newest (lowest id) first', () => {
    const files = createSearchIndex(['大力推进人才强县战略', '没有这个词', '人才强县是关键'].map(record));
    const postings = readPostings(files);
    const tokens = indexTokens('人才强县');
    const decode = (s: string) =>
      s.split(',').reduce<number[]>((ids, gap) => {
        ids.push((ids.at(-1) ?? -1) + parseInt(gap, 36));
        return ids;
      }, []);
    const hits = tokens
      .map((t) => new Set(decode(postings.get(t)!.ids)))
      .reduce((a, b) => new Set(Array.from(a).filter((x) => b.has(x))));
    expect([...hits]).toEqual([0, 2]);
    expect(files.some((f) => f.path === `${SEARCH_DIR}/docs/0.json`)).toBe(true);
  });
});

describe('search index made in two steps (the aside thread)', () => {
  const piece = fc.oneof(
    fc.constantFrom(
      '人才',
      '强县',
      '，',
      'Ａｂ',
      'AB',
      '１２',
      ' ',
      '\n',
      '𠀀',
      '😀',
      'é',
      '\u0301',
      'Σ',
      'ΑΣ',
      'ς',
      'ﬁ',
      'İ',
      '<p>',
      '</p>',
      '&amp;',
      '&#x3C;',
      '<br>',
    ),
    fc.string({ maxLength: 3 }),
  );
  const part = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));

  it('writes the files createSearchIndex writes, whatever order the texts came in and whichever HTML was sent ahead', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ theme: part, html: part, sentAhead: fc.boolean(), changed: fc.boolean() }), {
          maxLength: 10,
        }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (writeUps, order) => {
          const docs: SearchDoc[] = writeUps.map((w, i) => ({
            file: `f${i}.md`,
            html: w.html,
            meta: { title: `t${i}`, issue: 'i', theme: w.theme, href: `h${i}` },
          }));
          const search = createSearchTexts();
          // Sent ahead in an order of their own (folders are checked in parallel), some with HTML the site then rendered otherwise.
          const ahead = docs.map((d, i) => ({ d, i, key: order[i] ?? i })).sort((a, b) => a.key - b.key);
          for (const { d, i } of ahead)
            if (writeUps[i]!.sentAhead) search.add(d.file, writeUps[i]!.changed ? `${d.html}x` : d.html);
          const sent = docs.map((d, i) =>
            writeUps[i]!.sentAhead && !writeUps[i]!.changed ? { file: d.file, meta: d.meta } : d,
          );
          expect(search.index(sent)).toEqual(createSearchIndex(docs.map((d) => searchRecordOf(d))));
        },
      ),
      { numRuns: 400 },
    );
  });
});
