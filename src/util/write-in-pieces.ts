/**
 * Writes `pieces` joined by `separator`, then a line break, through `out`
 * about `chunkChars` characters at a time: a report of hundreds of thousands
 * of lines is never held as one string (nor as one buffer on its way out).
 */
export function writeInPieces(
  pieces: Iterable<string>,
  separator: string,
  out: (text: string) => void,
  chunkChars = 1 << 20,
): void {
  let chunk = '';
  let first = true;
  for (const piece of pieces) {
    chunk += first ? piece : separator + piece;
    first = false;
    if (chunk.length >= chunkChars) {
      out(chunk);
      chunk = '';
    }
  }
  out(`${chunk}\n`);
}
