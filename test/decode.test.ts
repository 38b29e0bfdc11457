import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../src/load/decode.js';

/** The rule for a binary file, spelled out: a NUL, or more than a tenth control bytes, in the first 8 KB. */
function binaryByRule(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  const control = head.filter((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)).length;
  return head.length > 0 && control / head.length > 0.1;
}

const piece = fc.oneof(
  fc.constantFrom('正文，一段。', 'issue: 18\n', '\r\n', '\t', '\u001b', 'abc'),
  fc.constantFrom(0, 1, 8, 0x0e, 0x1a, 0x1c, 0x1f, 0x7f, 0x80, 0xc3, 0xff).map((b) => new Uint8Array([b])),
);
const bytes = fc
  .array(piece, { maxLength: 40 })
  .map((parts) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));

describe('decoding a source file', () => {
  it('calls binary exactly the files with a NUL or many control bytes in their first 8 KB, and reads valid UTF-8 otherwise', () => {
    fc.assert(
      fc.property(bytes, fc.nat(9000), (body, pad) => {
        // Sometimes past 8 KB, where control bytes no longer count.
        const file = pad > 8000 ? Buffer.concat([Buffer.from('好'.repeat(pad)), body]) : body;
        const result = decodeSource(file);
        if (file[0] === 0xff || file[0] === 0xfe) return; // UTF-16 by its BOM
        const valid = (() => {
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(file);
            return true;
          } catch {
            return false;
          }
        })();
        if (binaryByRule(file)) expect(result).toEqual({ ok: false, reason: 'binary' });
        else if (valid) expect(result.ok && result.encoding).toBe('utf-8');
        else expect(result.ok && result.encoding).not.toBe('utf-8');
      }),
      { numRuns: 3000 },
    );
  });
});
