/**
 * Turns the bytes of a source file into text. UTF-8 (with or without BOM) is
 * taken silently; GB18030/GBK, common on office PCs, is transcoded and
 * reported; anything else is refused rather than shown as mojibake.
 */
export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16' | 'gb18030' }
  | { ok: false; reason: 'binary' | 'undecodable' };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

export function decodeSource(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return { ok: true, text: normalise(new TextDecoder(label, { fatal: true }).decode(bytes)), encoding: 'utf-16' };
    } catch {
      return { ok: false, reason: 'undecodable' };
    }
  }
  let text: string | undefined;
  try {
    text = utf8.decode(bytes);
  } catch {
    // not UTF-8: try the Chinese national encoding, a superset of GBK and GB2312
  }
  // UTF-8 with no control character at all is not binary (the usual case: no
  // byte-by-byte look). Control characters are single bytes in UTF-8, so a
  // text without them had none among the bytes looksBinary counts.
  if (text !== undefined && !CONTROL.test(text)) return { ok: true, text: normalise(text), encoding: 'utf-8' };
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
  if (text !== undefined) return { ok: true, text: normalise(text), encoding: 'utf-8' };
  try {
    const text = gb18030.decode(bytes);
    if (plausibleChinese(text)) return { ok: true, text: normalise(text), encoding: 'gb18030' };
  } catch {
    // fall through
  }
  return { ok: false, reason: 'undecodable' };
}

/** The characters looksBinary counts, NUL included. */
const CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/;

/** NUL bytes or many control characters mean this is not a text file. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/**
 * GB18030 decodes almost any byte string; accept it only when most of the
 * non-ASCII characters are CJK or CJK punctuation, as real Chinese text is.
 */
function plausibleChinese(text: string): boolean {
  let other = 0;
  let cjk = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      c === 0x201c ||
      c === 0x201d ||
      c === 0x2018 ||
      c === 0x2019 ||
      c === 0x2014 ||
      c === 0x2026 ||
      c === 0xb7
    )
      cjk++;
    else other++;
  }
  return cjk > 0 && other <= cjk * 0.05;
}

/** Drops the BOM and turns CRLF / CR line ends into LF, so positions are by line. */
function normalise(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}
