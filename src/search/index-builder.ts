import type { County } from '../model/config.js';
import type { OutputFile } from '../model/output-file.js';
import { type ChainArena, createChainArena } from './chain-arena.js';
import { createGramTable, type GramTable, tripleOf } from './gram-table.js';
import { htmlToText, runInTitleText, type SearchDocMeta } from './records.js';
import { NUMBER_DIGITS, normalizeSearchText } from './tokens.js';

/** Where the index lives in the site; the browser's engine (assets/search-engine.js) loads it from there. */
export const SEARCH_DIR = 'search-index';
/** Bumped when the files change shape. */
export const INDEX_VERSION = 2;
/** Write-up files per folder (`d/<id / 1024>/<id>.js`), so no folder grows past what FAT32 sticks hold. */
export const DOCS_PER_FOLDER = 1024;
/** Entry files: at least this many, at most MAX_SHARDS; one per 1,024 indexed characters in between. */
const MIN_SHARDS = 16;
const MAX_SHARDS = 4096;
const CHARS_PER_SHARD = 1024;
/** Positions in a write-up from here on are not indexed (no write-up is 16 million characters long). */
const MAX_POSITION = 1 << 24;
/** Entries of both kinds in one list of numbers: a triple's is this plus its number. */
const TRIPLES = 1 << 30;

/**
 * The search index, made one write-up at a time and written one file at a
 * time (see docs/maintainers/search.md for the files):
 *
 * - every pair of adjacent letters or digits of a write-up, with how often it
 *   occurs there and whether in its headline (a two-character word is looked
 *   up by its pair);
 * - every triple, with the positions where it occurs (a longer word or phrase
 *   is looked up by triples whose positions must line up, see termGrams);
 * - per write-up, its county and year (the manifest) and its text and what its
 *   result shows (one small file each, loaded for the results on screen).
 *
 * Lean by construction: a pair or triple is a number (gram-table.ts), what is
 * known of it a chain of LEB128 bytes (chain-arena.ts), a write-up's text is
 * handed back to the caller as soon as it is read; nothing is held as strings
 * or arrays per write-up.
 *
 * Write-ups are numbered in the order they are added; `finish` is told the
 * site's order (newest first), in which they are numbered in the files. The
 * files depend on that order only, not on the order of adding, nor on how
 * pairs and triples were numbered (a test holds them equal, byte for byte).
 */
export interface IndexBuilder {
  /** Indexes a write-up's HTML; its number, in the order added, and its text. */
  add(html: string): { id: number; text: string };
  /**
   * The entry files and the manifest, one at a time, for these write-ups in
   * the site's order: `order[i]` is the number add() gave the i-th one.
   * The write-ups' own files (docFile) are the caller's.
   */
  finish(order: readonly number[], metas: readonly SearchDocMeta[], counties: readonly County[]): Generator<OutputFile>;
}

/** A write-up's own file: what its result shows, and its text for the passage. */
export function docFile(id: number, meta: SearchDocMeta, text: string): OutputFile {
  const { title, issue, date, theme, href } = meta;
  const data = JSON.stringify({ title, issue, date, theme, href, text });
  return { path: docPath(id), content: `__yongzuSearch.doc(${id},${data});\n` };
}

/** Where the i-th write-up's file is. */
export function docPath(id: number): string {
  return `${SEARCH_DIR}/d/${Math.floor(id / DOCS_PER_FOLDER)}/${id}.js`;
}

/** Entry files for this many indexed characters (a power of two). */
export function shardCount(chars: number): number {
  let shards = MIN_SHARDS;
  while (shards < MAX_SHARDS && shards * CHARS_PER_SHARD < chars) shards *= 2;
  return shards;
}

/** gramShard() of tokens.ts, over code points: the same number for the same characters (a test holds it). */
export function shardOfCodePoints(a: number, b: number, c: number | undefined, shards: number): number {
  let h = 0x811c9dc5;
  for (const cp of c === undefined ? [a, b] : [a, b, c]) {
    h = Math.imul(h ^ (cp & 0xff), 0x01000193) >>> 0;
    h = Math.imul(h ^ ((cp >>> 8) & 0xff), 0x01000193) >>> 0;
    h = Math.imul(h ^ (cp >>> 16), 0x01000193) >>> 0;
  }
  return h % shards;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * The letters and digits of a text as code points (normalizeSearchText's
 * characters: a test holds them equal), in an array reused from call to call.
 */
function createNormalizer() {
  // Per code point: 0 not seen yet, 1 kept, 2 dropped.
  const kept = new Uint8Array(0x110000);
  let cps = new Uint32Array(4096);
  return (raw: string): Uint32Array => {
    const text = raw.normalize('NFKC').toLowerCase();
    if (cps.length < text.length) cps = new Uint32Array(text.length * 2);
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      let k = kept[cp]!;
      if (k === 0) kept[cp] = k = LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? 1 : 2;
      if (k === 1) cps[n++] = cp;
    }
    return cps.subarray(0, n);
  };
}

/**
 * One kind of entry: pairs (width 2) or triples (width 3), their table and
 * chains; per entry, the last write-up added that holds it (`last`), and
 * where it is in the scan under way (`local`, valid where `mark` is the scan's).
 */
interface GramKind {
  width: 2 | 3;
  table: GramTable;
  chains: ChainArena;
  last: Int32Array;
  mark: Int32Array;
  local: Int32Array;
}

function createKind(width: 2 | 3): GramKind {
  const size = 1024;
  return {
    width,
    table: createGramTable(),
    chains: createChainArena(),
    last: new Int32Array(size).fill(-1),
    mark: new Int32Array(size).fill(-1),
    local: new Int32Array(size),
  };
}

/** Grows a kind's arrays to hold `size` entries. */
function fitKind(kind: GramKind, size: number): void {
  if (kind.last.length >= size) return;
  const n = Math.max(size, kind.last.length * 2);
  const grow = (a: Int32Array, fill: number) => {
    const b = new Int32Array(n).fill(fill);
    b.set(a);
    return b;
  };
  kind.last = grow(kind.last, -1);
  kind.mark = grow(kind.mark, -1);
  kind.local = grow(kind.local, 0);
}

/**
 * The entries of one scan of a text, in the order first met: each one's
 * number, first and last position, count, and its positions as a chain
 * (`next` of a position is the entry's next position, or -1).
 */
interface Scan {
  size: number;
  gram: Int32Array;
  first: Int32Array;
  lastAt: Int32Array;
  count: Int32Array;
  next: Int32Array;
}

function createScan(): Scan {
  const n = 4096;
  return {
    size: 0,
    gram: new Int32Array(n),
    first: new Int32Array(n),
    lastAt: new Int32Array(n),
    count: new Int32Array(n),
    next: new Int32Array(n),
  };
}

let scans = 0;

/** Scans `cps` for a kind's entries (numbering new ones) into `scan`. */
function scanText(kind: GramKind, cps: Uint32Array, scan: Scan): void {
  const n = Math.min(cps.length, MAX_POSITION) - kind.width + 1;
  if (n <= 0) {
    scan.size = 0;
    return;
  }
  if (scan.next.length < n) {
    const m = n * 2;
    scan.gram = new Int32Array(m);
    scan.first = new Int32Array(m);
    scan.lastAt = new Int32Array(m);
    scan.count = new Int32Array(m);
    scan.next = new Int32Array(m);
  }
  // At most n entries are new: room for them first, so the arrays can be held in locals.
  if (kind.mark.length < kind.table.size + n) fitKind(kind, kind.table.size + n);
  const serial = ++scans;
  const { table, mark, local } = kind;
  const { gram, first, lastAt, count, next } = scan;
  const pairs = kind.width === 2;
  let size = 0;
  for (let p = 0; p < n; p++) {
    const a = cps[p]!;
    const b = cps[p + 1]!;
    const g = pairs ? table.id(a, b) : table.id(a * 0x400 + (b >>> 11), (((b & 0x7ff) << 21) | cps[p + 2]!) >>> 0);
    next[p] = -1;
    if (mark[g] !== serial) {
      mark[g] = serial;
      local[g] = size;
      gram[size] = g;
      first[size] = p;
      lastAt[size] = p;
      count[size] = 1;
      size++;
    } else {
      const l = local[g]!;
      next[lastAt[l]!] = p;
      lastAt[l] = p;
      count[l]!++;
    }
  }
  scan.size = size;
}

/** Bytes that grow: the files are spelled as bytes (ASCII, and UTF-8 for the characters), not strings. */
class Bytes {
  buf = new Uint8Array(1 << 16);
  length = 0;

  /** Room for `n` more bytes. */
  room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const more = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    more.set(this.buf.subarray(0, this.length));
    this.buf = more;
  }

  ascii(text: string): void {
    this.room(text.length);
    for (let i = 0; i < text.length; i++) this.buf[this.length++] = text.charCodeAt(i);
  }

  /** A code point as UTF-8. */
  codePoint(cp: number): void {
    this.room(4);
    const { buf } = this;
    if (cp < 0x80) buf[this.length++] = cp;
    else if (cp < 0x800) {
      buf[this.length++] = 0xc0 | (cp >> 6);
      buf[this.length++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      buf[this.length++] = 0xe0 | (cp >> 12);
      buf[this.length++] = 0x80 | ((cp >> 6) & 0x3f);
      buf[this.length++] = 0x80 | (cp & 0x3f);
    } else {
      buf[this.length++] = 0xf0 | (cp >> 18);
      buf[this.length++] = 0x80 | ((cp >> 12) & 0x3f);
      buf[this.length++] = 0x80 | ((cp >> 6) & 0x3f);
      buf[this.length++] = 0x80 | (cp & 0x3f);
    }
  }

  /** A number as the browser reads it (readNumbers in tokens.ts): five bits a digit, low first. */
  number(value: number): void {
    this.room(11);
    const { buf } = this;
    while (value >= 32) {
      buf[this.length++] = DIGIT_CODES[(value % 32) + 32]!;
      value = Math.floor(value / 32);
    }
    buf[this.length++] = DIGIT_CODES[value]!;
  }
}

const DIGIT_CODES = Uint8Array.from(NUMBER_DIGITS, (c) => c.charCodeAt(0));

/** A number as the browser reads it, as a string (for tests). */
export function writeNumber(value: number): string {
  const out = new Bytes();
  out.number(value);
  return Buffer.from(out.buf.subarray(0, out.length)).toString('latin1');
}

/** Rows of an entry's postings while they are put in the site's order: typed, reused from entry to entry. */
class Rows {
  size = 0;
  doc = new Int32Array(1024);
  head = new Int32Array(1024);
  count = new Int32Array(1024);
  /** Where the row's positions start in `positions`. */
  at = new Int32Array(1024);
  positions = new Int32Array(4096);
  used = 0;
  keys = new Float64Array(1024);

  /** Empties the rows, with room for `rows` rows and `positions` positions. */
  reset(rows: number, positions: number): void {
    this.size = 0;
    this.used = 0;
    if (this.doc.length < rows) {
      const n = rows * 2;
      this.doc = new Int32Array(n);
      this.head = new Int32Array(n);
      this.count = new Int32Array(n);
      this.at = new Int32Array(n);
      this.keys = new Float64Array(n);
    }
    if (this.positions.length < positions) this.positions = new Int32Array(positions * 2);
  }

  row(doc: number, head: number, count: number): void {
    const r = this.size++;
    this.doc[r] = doc;
    this.head[r] = head;
    this.count[r] = count;
    this.at[r] = this.used;
  }
}

/** A row's number in the sort keys: below 2^26 rows per entry, as write-ups are below 2^26. */
const ROW = 2 ** 26;

export function createIndexBuilder(): IndexBuilder {
  const normalize = createNormalizer();
  const kinds = [createKind(2), createKind(3)] as const;
  const scan = createScan();
  /** Each write-up's number of letters and digits, by the number add() gave it. */
  let lengths = new Int32Array(1024);
  let added = 0;

  function add(html: string): { id: number; text: string } {
    const id = added++;
    const text = htmlToText(html);
    const headEnd = Array.from(normalizeSearchText(runInTitleText(html))).length;
    const cps = normalize(text);
    if (lengths.length <= id) {
      const more = new Int32Array(lengths.length * 2);
      more.set(lengths);
      lengths = more;
    }
    lengths[id] = cps.length;
    for (const kind of kinds) {
      const { chains, width } = kind;
      scanText(kind, cps, scan);
      for (let l = 0; l < scan.size; l++) {
        const gram = scan.gram[l]!;
        const count = scan.count[l]!;
        const head = scan.first[l]! + width <= headEnd ? 1 : 0;
        // One byte for most: the gap, the headline flag and a count up to 3; a larger count follows.
        chains.push(gram, ((id - kind.last[gram]! - 1) * 2 + head) * 4 + Math.min(count - 1, 3));
        if (count >= 4) chains.push(gram, count - 4);
        kind.last[gram] = id;
        if (width === 3) {
          for (let p = scan.first[l]!, prev = -1; p >= 0; prev = p, p = scan.next[p]!) chains.push(gram, p - prev - 1);
        }
      }
    }
    return { id, text };
  }

  function* finish(
    order: readonly number[],
    metas: readonly SearchDocMeta[],
    counties: readonly County[],
  ): Generator<OutputFile> {
    const finalOf = new Int32Array(added).fill(-1);
    for (const [i, id] of order.entries()) finalOf[id] = i;
    const lengthOf = (doc: number) => lengths[order[doc]!]!;
    const themes = themeOccurrences(metas);
    let chars = 0;
    for (let doc = 0; doc < order.length; doc++) chars += lengthOf(doc);
    const shards = shardCount(chars);
    const byShard = gramsByShard(shards);
    const rows = new Rows();
    const out = new Bytes();
    for (let shard = 0; shard < shards; shard++) {
      out.length = 0;
      out.ascii(`__yongzuSearch.grams(${shard},{`);
      let entries = 0;
      for (const entry of byShard[shard]!) {
        const triple = entry >= TRIPLES;
        const gram = triple ? entry - TRIPLES : entry;
        const width = triple ? 3 : 2;
        const kind = kinds[width - 2]!;
        const mark = out.length;
        out.ascii(entries > 0 ? ',"' : '"');
        const [hi, lo] = [kind.table.hi(gram), kind.table.lo(gram)];
        if (triple) for (const cp of tripleOf(hi, lo)) out.codePoint(cp);
        else {
          out.codePoint(hi);
          out.codePoint(lo);
        }
        out.ascii('":"');
        const start = out.length;
        encodeGram(kind, gram, themes.get(width, gram), out);
        // An entry no write-up in the site holds any more (rendered anew since it was added) is left out.
        if (out.length === start) out.length = mark;
        else {
          out.ascii('"');
          entries++;
        }
      }
      out.ascii('});\n');
      yield { path: `${SEARCH_DIR}/g/${shard}.js`, content: out.buf.slice(0, out.length) };
    }
    yield manifestFile(metas, counties, shards);

    /**
     * Each theme's pairs and triples (numbered in the kinds' tables, so that a
     * theme's own are in the files too), with the write-ups under that theme.
     */
    function themeOccurrences(list: readonly SearchDocMeta[]) {
      const docsOf = new Map<string, number[]>();
      list.forEach((meta, doc) => {
        const docs = docsOf.get(meta.theme);
        if (docs) docs.push(doc);
        else docsOf.set(meta.theme, [doc]);
      });
      // Per kind, per entry: the themes holding it, with their write-ups and the entry's positions in the theme.
      const found = kinds.map(() => new Map<number, { docs: number[]; positions: number[] }[]>());
      for (const [theme, docs] of docsOf) {
        const cps = normalize(theme);
        kinds.forEach((kind, k) => {
          scanText(kind, cps, scan);
          for (let l = 0; l < scan.size; l++) {
            const positions: number[] = [];
            for (let p = scan.first[l]!; p >= 0; p = scan.next[p]!) positions.push(p);
            const gram = scan.gram[l]!;
            const list = found[k]!.get(gram);
            if (list) list.push({ docs, positions });
            else found[k]!.set(gram, [{ docs, positions }]);
          }
        });
      }
      return { get: (width: number, gram: number) => found[width - 2]!.get(gram) };
    }

    /**
     * Every entry of both kinds by the shard it goes to, each shard's in the
     * order of their characters, pairs first: as a number each, TRIPLES + the
     * triple's number for a triple.
     */
    function gramsByShard(count: number): number[][] {
      const out: number[][] = Array.from({ length: count }, () => []);
      for (const { table, width } of kinds) {
        for (let gram = 0; gram < table.size; gram++) {
          const [hi, lo] = [table.hi(gram), table.lo(gram)];
          const shard =
            width === 2 ? shardOfCodePoints(hi, lo, undefined, count) : shardOfCodePoints(...tripleOf(hi, lo), count);
          out[shard]!.push(width === 2 ? gram : TRIPLES + gram);
        }
      }
      const [pairs, triples] = [kinds[0].table, kinds[1].table];
      for (const list of out) {
        list.sort((a, b) => {
          if (a < TRIPLES !== b < TRIPLES) return a < TRIPLES ? -1 : 1;
          const [t, x, y] = a < TRIPLES ? [pairs, a, b] : [triples, a - TRIPLES, b - TRIPLES];
          return t.hi(x) - t.hi(y) || t.lo(x) - t.lo(y);
        });
      }
      return out;
    }

    /**
     * An entry's postings as the browser reads them (readNumbers): per
     * write-up, in the site's order, the gap from the previous one less one,
     * times 2, plus 1 if in the headline; for a pair that is ×4 more with how
     * often (0: once, 1: twice, 2: 3–4 times, 3: more), for a triple it is
     * followed by the count less one and the positions (each as the gap from
     * the previous one less one). A theme's positions follow the text's, past
     * its end and one more, so no phrase runs from one into the other.
     */
    function encodeGram(
      kind: GramKind,
      gram: number,
      theme: { docs: number[]; positions: number[] }[] | undefined,
      into: Bytes,
    ): void {
      const nums = kind.chains.read(gram);
      let themeRows = 0;
      let themePositions = 0;
      for (const { docs, positions } of theme ?? []) {
        themeRows += docs.length;
        themePositions += docs.length * positions.length;
      }
      rows.reset(nums.length + themeRows, nums.length + themePositions);
      const triple = kind.width === 3;
      const { positions: at } = rows;
      // Whether the site's order is the order of adding (inline) or its reverse (folders checked oldest first).
      let ascending = true;
      let descending = true;
      for (let i = 0, id = -1, prev = -1; i < nums.length; ) {
        const v = nums[i++]!;
        const w = Math.floor(v / 4);
        id += Math.floor(w / 2) + 1;
        const count = v % 4 < 3 ? (v % 4) + 1 : 4 + nums[i++]!;
        const doc = finalOf[id]!;
        if (doc >= 0) {
          if (prev >= 0) {
            if (doc < prev) ascending = false;
            else descending = false;
          }
          prev = doc;
          rows.row(doc, w % 2, count);
        }
        if (triple) {
          for (let k = 0, pos = -1; k < count; k++) {
            pos += nums[i++]! + 1;
            if (doc >= 0) at[rows.used++] = pos;
          }
        }
      }
      if (theme) {
        ascending = descending = false;
        for (const { docs, positions } of theme) {
          for (const doc of docs) {
            rows.row(doc, 1, positions.length);
            const shift = lengthOf(doc) + 1;
            for (const pos of positions) at[rows.used++] = shift + pos;
          }
        }
      }
      const n = rows.size;
      const keys = rows.keys.subarray(0, n);
      // By write-up, and for one write-up its text's row before its theme's.
      if (descending && !ascending) for (let r = 0; r < n; r++) keys[r] = rows.doc[n - 1 - r]! * ROW + (n - 1 - r);
      else for (let r = 0; r < n; r++) keys[r] = rows.doc[r]! * ROW + r;
      if (!ascending && !descending) keys.sort();
      let prev = -1;
      for (let k = 0; k < n; ) {
        const r = keys[k++]! % ROW;
        const doc = rows.doc[r]!;
        let head = rows.head[r]!;
        let count = rows.count[r]!;
        const second = k < n && rows.doc[keys[k]! % ROW] === doc ? keys[k++]! % ROW : -1;
        if (second >= 0) {
          head |= rows.head[second]!;
          count += rows.count[second]!;
        }
        if (!triple) {
          const often = count === 1 ? 0 : count === 2 ? 1 : count <= 4 ? 2 : 3;
          into.number(((doc - prev - 1) * 2 + head) * 4 + often);
        } else {
          into.number((doc - prev - 1) * 2 + head);
          into.number(count - 1);
          let last = -1;
          for (let part = r; part >= 0; part = part === r ? second : -1) {
            const from = rows.at[part]!;
            for (let q = from; q < from + rows.count[part]!; q++) {
              into.number(rows.positions[q]! - last - 1);
              last = rows.positions[q]!;
            }
          }
        }
        prev = doc;
      }
    }
  }

  return { add, finish };
}

/**
 * The manifest: the counties (each with its other spellings, for the query and
 * the facet), each write-up's county (one or two digits each) and the years
 * as runs of write-ups, newest first.
 */
function manifestFile(metas: readonly SearchDocMeta[], counties: readonly County[], shards: number): OutputFile {
  const list: string[][] = counties.map((c) => [c.name, ...c.aliases]);
  const index = new Map(counties.map((c, i) => [c.name, i]));
  for (const meta of metas) {
    if (!index.has(meta.county)) {
      index.set(meta.county, list.length);
      list.push([meta.county]);
    }
  }
  const width = list.length <= 64 ? 1 : 2;
  let county = '';
  for (const meta of metas) {
    const i = index.get(meta.county)!;
    county += width === 1 ? NUMBER_DIGITS[i] : NUMBER_DIGITS[Math.floor(i / 64)]! + NUMBER_DIGITS[i % 64];
  }
  const years: [number, number][] = [];
  for (const meta of metas) {
    const run = years[years.length - 1];
    if (run && run[0] === meta.year) run[1]++;
    else years.push([meta.year, 1]);
  }
  const manifest = {
    version: INDEX_VERSION,
    docs: metas.length,
    shards,
    docsPerFolder: DOCS_PER_FOLDER,
    counties: list,
    countyWidth: width,
    county,
    years,
  };
  return { path: `${SEARCH_DIR}/manifest.js`, content: `__yongzuSearch.manifest(${JSON.stringify(manifest)});\n` };
}
