import { inflateRawSync } from 'node:zlib';

/**
 * How much a .docx (a zip) inflates to, checked before the document is
 * handed to mammoth, which inflates each part it reads whole (a 2 MB .docx
 * holding 2 GB of zeros took 4 GB of memory). The parts a conversion reads
 * (XML and relations: everything but images, which are dropped unread) are
 * inflated here once, within a budget: past it, the file is refused, after
 * inflating at most the budget, whatever sizes the zip's directory declares.
 */

/** A zip entry as its central directory lists it. */
interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Why a zip is refused: `too-large` past the budget, `damaged` when it cannot be read as a zip. */
export type ZipVerdict = { ok: true; inflated: number } | { ok: false; reason: 'too-large' | 'damaged' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip, from its central directory; undefined when there is none to read. */
function centralDirectory(zip: Buffer): Entry[] | undefined {
  // The end record is in the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return undefined;
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Images and other media: a conversion drops them without reading them. */
const isMedia = (name: string) =>
  /(^|\/)media\//i.test(name) || /\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp|wdp)$/i.test(name);

/**
 * Inflates every part of `zip` that a conversion reads, within `budget` bytes
 * in all; refuses as soon as the declared sizes or the inflated bytes pass it.
 */
export function checkZipBudget(zip: Buffer, budget: number): ZipVerdict {
  let entries: Entry[] | undefined;
  try {
    entries = centralDirectory(zip);
  } catch {
    entries = undefined;
  }
  if (!entries) return { ok: false, reason: 'damaged' };
  const read = entries.filter((e) => !e.name.endsWith('/') && !isMedia(e.name));
  // Zip64 (sizes of 0xFFFFFFFF) only for parts of 4 GB: past any budget.
  let declared = 0;
  for (const e of read) declared += e.size;
  if (declared > budget) return { ok: false, reason: 'too-large' };
  let inflated = 0;
  for (const e of read) {
    const local = e.localOffset;
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) return { ok: false, reason: 'damaged' };
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      inflated += data.length;
    } else if (e.method === 8) {
      try {
        // At most what is left of the budget, plus one byte to know that it was passed.
        inflated += inflateRawSync(data, { maxOutputLength: budget - inflated + 1 }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, reason: 'too-large' };
        return { ok: false, reason: 'damaged' };
      }
    } else {
      return { ok: false, reason: 'damaged' };
    }
    if (inflated > budget) return { ok: false, reason: 'too-large' };
  }
  return { ok: true, inflated };
}
