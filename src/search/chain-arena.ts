/**
 * Growing byte strings, one per entry of the index (a character pair or
 * triple), all in one pool of fixed chunks: each string is a chain of blocks
 * that double in size (16 bytes for the first, up to 512), so an entry met
 * once costs 16 bytes and a frequent one wastes at most half a block. Numbers
 * are written as LEB128 (7 bits a byte). Nothing is copied as the pool grows.
 */
export interface ChainArena {
  /** Appends a non-negative integer (up to 2^53) to string `id` (ids are dense, from 0). */
  push(id: number, value: number): void;
  /** The numbers of string `id`, in order: a view of a buffer that the next read reuses. */
  read(id: number): Float64Array;
  /** Bytes held in chunks. */
  readonly bytes: number;
}

const FIRST = 16;
const LARGEST = 512;
/** Bytes of a block's link to the next block. */
const LINK = 4;
/** No block yet (pools stay under 4 GB, so no block starts there). */
const NONE = 0xffffffff;

class Arena implements ChainArena {
  private readonly chunkBits: number;
  private readonly chunkSize: number;
  private readonly inChunk: number;
  private chunks: Uint8Array[];
  /** The next free byte, as chunk * chunkSize + offset. */
  private free = 0;
  // Per string: its first and last blocks, where its next byte goes and where its last block ends.
  private heads = new Uint32Array(1024).fill(NONE);
  private tails = new Uint32Array(1024);
  private ats = new Uint32Array(1024);
  private ends = new Uint32Array(1024);
  /** What read() returns a view of. */
  private out = new Float64Array(1024);

  constructor(chunkBits: number) {
    this.chunkBits = chunkBits;
    this.chunkSize = 2 ** chunkBits;
    this.inChunk = this.chunkSize - 1;
    this.chunks = [new Uint8Array(this.chunkSize)];
  }

  get bytes(): number {
    return this.chunks.length * this.chunkSize;
  }

  private ensure(id: number): void {
    const n = Math.max(id + 1, Math.ceil(this.heads.length * 1.5));
    const h = new Uint32Array(n).fill(NONE);
    h.set(this.heads);
    this.heads = h;
    const t = new Uint32Array(n);
    t.set(this.tails);
    this.tails = t;
    const a = new Uint32Array(n);
    a.set(this.ats);
    this.ats = a;
    const e = new Uint32Array(n);
    e.set(this.ends);
    this.ends = e;
  }

  private allocate(size: number): number {
    // A block never straddles two chunks.
    if (this.free + size > this.chunks.length * this.chunkSize) {
      this.free = this.chunks.length * this.chunkSize;
      this.chunks.push(new Uint8Array(this.chunkSize));
    }
    const at = this.free;
    this.free += size;
    return at;
  }

  private setByte(at: number, byte: number): void {
    this.chunks[at >>> this.chunkBits]![at & this.inChunk] = byte;
  }

  /** A new block for string `id`, after its full last block (or its first); where its bytes start. */
  private block(id: number): number {
    const first = this.heads[id] === NONE;
    const size = first ? FIRST : Math.min(LARGEST, (this.ends[id]! - this.tails[id]!) * 2);
    const at = this.allocate(size);
    if (first) this.heads[id] = at;
    else {
      // The link sits in the first bytes of the block it leads from.
      const from = this.tails[id]!;
      for (let k = 0; k < LINK; k++) this.setByte(from + k, (at >>> (8 * k)) & 0xff);
    }
    this.tails[id] = at;
    this.ends[id] = at + size;
    this.ats[id] = at + LINK;
    return at + LINK;
  }

  push(id: number, value: number): void {
    if (id >= this.heads.length) this.ensure(id);
    let at = this.heads[id] === NONE ? this.block(id) : this.ats[id]!;
    let end = this.ends[id]!;
    for (;;) {
      if (at === end) {
        at = this.block(id);
        end = this.ends[id]!;
      }
      if (value < 0x80) {
        this.setByte(at++, value);
        break;
      }
      this.setByte(at++, (value % 0x80) | 0x80);
      value = Math.floor(value / 0x80);
    }
    this.ats[id] = at;
  }

  read(id: number): Float64Array {
    let n = 0;
    if (id >= this.heads.length || this.heads[id] === NONE) return this.out.subarray(0, 0);
    let block = this.heads[id]!;
    let size = FIRST;
    const tail = this.tails[id]!;
    const stopAt = this.ats[id]!;
    let value = 0;
    let scale = 1;
    for (;;) {
      const isLast = block === tail;
      const chunk = this.chunks[block >>> this.chunkBits]!;
      const from = (block & this.inChunk) + LINK;
      const to = isLast ? stopAt - block + (block & this.inChunk) : from - LINK + size;
      for (let at = from; at < to; at++) {
        const byte = chunk[at]!;
        value += (byte & 0x7f) * scale;
        if (byte & 0x80) scale *= 0x80;
        else {
          if (n === this.out.length) {
            const more = new Float64Array(n * 2);
            more.set(this.out);
            this.out = more;
          }
          this.out[n++] = value;
          value = 0;
          scale = 1;
        }
      }
      if (isLast) break;
      let next = 0;
      for (let k = 0; k < LINK; k++) next |= chunk[(block & this.inChunk) + k]! << (8 * k);
      block = next >>> 0;
      size = Math.min(LARGEST, size * 2);
    }
    return this.out.subarray(0, n);
  }
}

/** `chunkBits`: chunks of 2^chunkBits bytes (1 MB; tests use small ones, at least 2^9). */
export function createChainArena(chunkBits = 20): ChainArena {
  return new Arena(Math.max(chunkBits, 9));
}
