/** A file of the output: path relative to OUT, and its bytes or text. */
export interface OutputFile {
  path: string;
  content: string | Uint8Array;
}
