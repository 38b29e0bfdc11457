import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../model/limits.js';
import { decodeSource } from './decode.js';

/** What reading one source file gave: its text, or why there is none. Plain data, made here or by the executor. */
export type SourceRead =
  | { kind: 'text'; text: string; encoding: 'utf-8' | 'utf-16' | 'gb18030' }
  | { kind: 'too-large'; size: number }
  | { kind: 'undecodable'; reason: 'binary' | 'undecodable' };

/**
 * Reads a file's bytes, at most `limit`: undefined (and its size) when it is
 * larger, judged from its size on disk and never read past the limit (a file
 * growing meanwhile included). Throws what openSync throws.
 */
export function readBounded(path: string, limit: number): { bytes?: Buffer; size: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > limit) return { size };
    // One byte more than the limit is asked for: getting it means the file grew past the limit.
    const buffer = Buffer.allocUnsafe(Math.min(size, limit) + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) {
      length += n;
    }
    if (length > limit) return { size: Math.max(size, length) };
    return { bytes: buffer.subarray(0, length), size: length };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads and decodes one file; throws what openSync throws. Synchronous on
 * purpose: for thousands of small files, one read call each beats the
 * thread pool's round trips of open, stat, read and close.
 */
export function readSource(path: string): SourceRead {
  const { bytes, size } = readBounded(path, MAX_FILE_BYTES);
  if (!bytes) return { kind: 'too-large', size };
  const decoded = decodeSource(bytes);
  return decoded.ok
    ? { kind: 'text', text: decoded.text, encoding: decoded.encoding }
    : { kind: 'undecodable', reason: decoded.reason };
}
