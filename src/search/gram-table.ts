/**
 * A hash table from a character pair or triple (as two 32-bit halves of its
 * code points, see tripleKey) to a small number given in the order first met:
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

/** Three code points (21 bits each) as a key: 63 bits in two halves, which sort as the triples do. */
export function tripleKey(a: number, b: number, c: number): [number, number] {
  return [a * 0x400 + (b >>> 11), (((b & 0x7ff) << 21) | c) >>> 0];
}

/** The code points of a triple's key. */
export function tripleOf(hi: number, lo: number): [number, number, number] {
  return [Math.floor(hi / 0x400), ((hi & 0x3ff) << 11) | (lo >>> 21), lo & 0x1fffff];
}

const EMPTY = -1;

class Table implements GramTable {
  private bits: number;
  private slots: Int32Array;
  private his = new Uint32Array(1024);
  private los = new Uint32Array(1024);
  size = 0;

  constructor(bits: number) {
    this.bits = bits;
    this.slots = new Int32Array(1 << bits).fill(EMPTY);
  }

  private slotOf(hi: number, lo: number): number {
    let h = Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    return Math.imul(h, 0xc2b2ae35) >>> (32 - this.bits);
  }

  private grow(): void {
    this.bits++;
    const mask = (1 << this.bits) - 1;
    const slots = new Int32Array(1 << this.bits).fill(EMPTY);
    for (let id = 0; id < this.size; id++) {
      let s = this.slotOf(this.his[id]!, this.los[id]!);
      while (slots[s] !== EMPTY) s = (s + 1) & mask;
      slots[s] = id;
    }
    this.slots = slots;
  }

  find(hi: number, lo: number): number {
    const { slots, his, los } = this;
    const mask = slots.length - 1;
    for (let s = this.slotOf(hi, lo); ; s = (s + 1) & mask) {
      const id = slots[s]!;
      if (id === EMPTY || (his[id] === hi && los[id] === lo)) return id;
    }
  }

  id(hi: number, lo: number): number {
    const { slots, his, los } = this;
    const mask = slots.length - 1;
    let s = this.slotOf(hi, lo);
    for (;;) {
      const id = slots[s]!;
      if (id === EMPTY) break;
      if (his[id] === hi && los[id] === lo) return id;
      s = (s + 1) & mask;
    }
    if (this.size === his.length) {
      const more = Math.ceil(this.size * 1.5);
      this.his = new Uint32Array(more);
      this.his.set(his);
      this.los = new Uint32Array(more);
      this.los.set(los);
    }
    const id = this.size++;
    this.his[id] = hi;
    this.los[id] = lo;
    slots[s] = id;
    // At most half full, so a lookup probes a slot or two.
    if (this.size * 2 > slots.length) this.grow();
    return id;
  }

  key(id: number): [number, number] {
    return [this.his[id]!, this.los[id]!];
  }

  hi(id: number): number {
    return this.his[id]!;
  }

  lo(id: number): number {
    return this.los[id]!;
  }
}

export function createGramTable(initialBits = 12): GramTable {
  return new Table(initialBits);
}
