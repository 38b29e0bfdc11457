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
  /** The numbers of string `id`, in order. */
  read(id: number, into?: number[]): number[];
  /** Bytes held in chunks. */
  readonly bytes: number;
}

/** No block yet (pools stay under 4 GB, so no block starts there). */
const NONE = 0xffffffff;
const FIRST = 16;
const LARGEST = 512;
/** Bytes of a block's link to the next block. */
const LINK = 4;

/** `chunkBits`: chunks of 2^chunkBits bytes (1 MB; tests use small ones). */
export function createChainArena(chunkBits = 20): ChainArena {
  const CHUNK = 2 ** chunkBits;
  const IN_CHUNK = CHUNK - 1;
  const chunks: Uint8Array[] = [new Uint8Array(CHUNK)];
  /** The next free byte, as chunk * CHUNK + offset. */
  let free = 0;
  // Per string: its first block, its last block, bytes used in the last block, and the last block's size.
  let heads = new Uint32Array(1024).fill(NONE);
  let tails = new Uint32Array(1024);
  let used = new Uint16Array(1024);
  let sizes = new Uint16Array(1024);

  const ensure = (id: number) => {
    if (id < heads.length) return;
    const n = Math.max(id + 1, Math.ceil(heads.length * 1.5));
    const h = new Uint32Array(n).fill(NONE);
    h.set(heads);
    heads = h;
    const t = new Uint32Array(n);
    t.set(tails);
    tails = t;
    const u = new Uint16Array(n);
    u.set(used);
    used = u;
    const s = new Uint16Array(n);
    s.set(sizes);
    sizes = s;
  };

  const allocate = (size: number): number => {
    // A block never straddles two chunks.
    if (free + size > chunks.length * CHUNK) {
      free = chunks.length * CHUNK;
      chunks.push(new Uint8Array(CHUNK));
    }
    const at = free;
    free += size;
    return at;
  };

  const setByte = (at: number, byte: number) => {
    chunks[at >>> chunkBits]![at & IN_CHUNK] = byte;
  };
  const getByte = (at: number) => chunks[at >>> chunkBits]![at & IN_CHUNK]!;
  const setLink = (block: number, next: number) => {
    // Block offsets fit in 32 bits for pools under 4 GB.
    for (let k = 0; k < LINK; k++) setByte(block + k, (next >>> (8 * k)) & 0xff);
  };
  const getLink = (block: number) => {
    let next = 0;
    for (let k = 0; k < LINK; k++) next |= getByte(block + k) << (8 * k);
    return next >>> 0;
  };

  const pushByte = (id: number, byte: number) => {
    let tail = tails[id]!;
    if (heads[id] === NONE) {
      tail = allocate(FIRST);
      heads[id] = tail;
      tails[id] = tail;
      sizes[id] = FIRST;
      used[id] = LINK;
    } else if (used[id] === sizes[id]) {
      const size = Math.min(LARGEST, sizes[id]! * 2);
      const next = allocate(size);
      setLink(tail, next);
      tail = next;
      tails[id] = next;
      sizes[id] = size;
      used[id] = LINK;
    }
    setByte(tail + used[id]!, byte);
    used[id]!++;
  };

  return {
    push(id, value) {
      ensure(id);
      while (value >= 0x80) {
        pushByte(id, (value % 0x80) | 0x80);
        value = Math.floor(value / 0x80);
      }
      pushByte(id, value);
    },
    read(id, into = []) {
      into.length = 0;
      if (id >= heads.length || heads[id] === NONE) return into;
      let block = heads[id]!;
      let size = FIRST;
      const last = tails[id]!;
      let value = 0;
      let scale = 1;
      for (;;) {
        const end = block === last ? block + used[id]! : block + size;
        for (let at = block + LINK; at < end; at++) {
          const byte = getByte(at);
          value += (byte & 0x7f) * scale;
          if (byte & 0x80) scale *= 0x80;
          else {
            into.push(value);
            value = 0;
            scale = 1;
          }
        }
        if (block === last) break;
        block = getLink(block);
        size = Math.min(LARGEST, size * 2);
      }
      return into;
    },
    get bytes() {
      return chunks.length * CHUNK;
    },
  };
}
