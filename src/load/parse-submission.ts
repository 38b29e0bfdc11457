import { createRequire } from 'node:module';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { missingFrontMatter } from '../rules/front-matter/missing.js';
import { unclosedFrontMatter } from '../rules/front-matter/unclosed.js';
import { parseYamlSource } from './yaml-source.js';
import type { YamlSource } from '../text/yaml-places.js';

/** A submission split into its front-matter (with positions) and its Markdown body. */
export interface ParsedSubmission {
  front: YamlSource | undefined;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;

// gray-matter splits; the YAML itself is parsed by `yaml` for its positions.
const noYaml = { engines: { yaml: { parse: () => ({}) } } } as const;
type Matter = (input: string, options: typeof noYaml) => { matter: string; content: string };
let grayMatter: Matter | undefined;
/** gray-matter, loaded the first time a file is not of the plain shape (it takes 30 ms to load). */
const matter = (input: string) =>
  (grayMatter ??= createRequire(import.meta.url)('gray-matter') as Matter)(input, noYaml);

/** Splits and parses a submission's text (already decoded, LF line ends). */
export function parseSubmission(text: string, file: string): { value: ParsedSubmission; diagnostics: Diagnostic[] } {
  const lines = text.split('\n', 2);
  if (!FENCE.test(lines[0] ?? '')) {
    return { value: { front: undefined, body: text, bodyLine: 1 }, diagnostics: [missingFrontMatter(file, text)] };
  }
  const close = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  if (!close) {
    return {
      value: { front: undefined, body: '', bodyLine: 1 },
      diagnostics: [unclosedFrontMatter(file)],
    };
  }
  const headEnd = 3 + close.index + close[0].length;
  // The plain shape, bare fences and no other line starting with ---, is cut
  // here where gray-matter cuts it: the matter from the end of the fence
  // (its line break included) to the closing fence's line break, the body
  // after it (test/parse-submission.test.ts holds the two equal). Any other
  // goes to gray-matter, given the head only, through the closing fence: it
  // copies its whole input into a Buffer, and the body is most of a file.
  const plain =
    text.startsWith('---\n') &&
    (close[0] === '\n---\n' || close[0] === '\n---') &&
    text.indexOf('\n---', 3) === 3 + close.index;
  const split = plain ? { matter: text.slice(3, 3 + close.index), content: '' } : matter(text.slice(0, headEnd));
  const bodyStart = headEnd - split.content.length;
  const bodyLine = countLines(text, bodyStart);
  // The matter begins right after the opening fence on line 1, so YAML line N is file line N.
  const { source, diagnostics } = parseYamlSource(split.matter, file, 0);
  return { value: { front: source, body: text.slice(bodyStart), bodyLine }, diagnostics };
}

function countLines(text: string, end: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
