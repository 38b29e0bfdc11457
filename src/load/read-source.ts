import { readFileSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../model/limits.js';
import { decodeSource } from './decode.js';

/** What reading one source file gave: its text, or why there is none. Plain data, made here or by the executor. */
export type SourceRead =
  | { kind: 'text'; text: string; encoding: 'utf-8' | 'utf-16' | 'gb18030' }
  | { kind: 'too-large'; size: number }
  | { kind: 'undecodable'; reason: 'binary' | 'undecodable' };

/**
 * Reads and decodes one file; throws what readFileSync throws. Synchronous
 * on purpose: for thousands of small files, one read call each beats the
 * thread pool's round trips of open, stat, read and close.
 */
export function readSource(path: string): SourceRead {
  const bytes = readFileSync(path);
  if (bytes.length > MAX_FILE_BYTES) return { kind: 'too-large', size: bytes.length };
  const decoded = decodeSource(bytes);
  return decoded.ok
    ? { kind: 'text', text: decoded.text, encoding: decoded.encoding }
    : { kind: 'undecodable', reason: decoded.reason };
}
