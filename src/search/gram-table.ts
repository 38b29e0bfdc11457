/**
 * A hash table from a character pair or triple (as two 32-bit halves of its
 * code points, see gramKey) to a small number given in the order first met:
 * open addressing over typed arrays, so a million entries cost tens of
 * megabytes, not the hundreds a Map of strings would.
 */
export interface GramTable {
  /** The number of a key, given now if it is new. */
  id(hi: number, lo: number): number;
  /** The number of a key, or -1. */
  find(hi: number, lo: number): number;
  /** How many keys. */
  readonly size: number;
  /** The key of a number, as [hi, lo]. */
  key(id: number): [number, number];
  /** Its first half. */
  hi(id: number): number;
  /** Its second half. */
  lo(id: number): number;
}

/** A pair of code points as a key: [a, b]. */
export function pairKey(a: number, b: number): [number, number] {
  return [a, b];
}

/** Three code points (21 bits each) as a key: 63 bits in two halves, which sort as the triples do. */
export function tripleKey(a: number, b: number, c: number): [number, number] {
  return [a * 0x400 + (b >>> 11), (((b & 0x7ff) << 21) | c) >>> 0];
}

/** The code points of a triple's key. */
export function tripleOf(hi: number, lo: number): [number, number, number] {
  return [Math.floor(hi / 0x400), ((hi & 0x3ff) << 11) | (lo >>> 21), lo & 0x1fffff];
}

const EMPTY = -1;

export function createGramTable(initialBits = 12): GramTable {
  let bits = initialBits;
  let slots = new Int32Array(1 << bits).fill(EMPTY);
  let his = new Uint32Array(1024);
  let los = new Uint32Array(1024);
  let size = 0;

  const slotOf = (hi: number, lo: number, mask: number) => {
    let h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    return (Math.imul(h, 0xc2b2ae35) >>> (32 - bits)) & mask;
  };

  const grow = () => {
    bits++;
    const mask = (1 << bits) - 1;
    slots = new Int32Array(1 << bits).fill(EMPTY);
    for (let id = 0; id < size; id++) {
      let s = slotOf(his[id]!, los[id]!, mask);
      while (slots[s] !== EMPTY) s = (s + 1) & mask;
      slots[s] = id;
    }
  };

  const lookup = (hi: number, lo: number, add: boolean): number => {
    const mask = slots.length - 1;
    let s = slotOf(hi, lo, mask);
    for (;;) {
      const id = slots[s]!;
      if (id === EMPTY) break;
      if (his[id] === hi && los[id] === lo) return id;
      s = (s + 1) & mask;
    }
    if (!add) return -1;
    if (size === his.length) {
      const more = Math.ceil(size * 1.5);
      const h = new Uint32Array(more);
      h.set(his);
      his = h;
      const l = new Uint32Array(more);
      l.set(los);
      los = l;
    }
    const id = size++;
    his[id] = hi;
    los[id] = lo;
    slots[s] = id;
    // At most half full, so a lookup probes a slot or two.
    if (size * 2 > slots.length) grow();
    return id;
  };

  return {
    id: (hi, lo) => lookup(hi, lo, true),
    find: (hi, lo) => lookup(hi, lo, false),
    get size() {
      return size;
    },
    key: (id) => [his[id]!, los[id]!],
    hi: (id) => his[id]!,
    lo: (id) => los[id]!,
  };
}
