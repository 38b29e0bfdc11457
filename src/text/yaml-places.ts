import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Place } from '../diagnostics/diagnostic.js';
import { lineOf } from './line-index.js';

/**
 * A parsed YAML mapping with the positions of its nodes, so that every
 * diagnostic points at the offending key or value itself.
 */
export interface YamlSource {
  file: string;
  /** The YAML text. */
  text: string;
  /** Offsets at which each line of the YAML text starts. */
  lineStarts: number[];
  /** Plain data; undefined when the YAML could not be turned into data. */
  data: Record<string, unknown> | undefined;
  /** 1-based line where the YAML text starts in its file, minus one. */
  lineOffset: number;
  /** Length of the YAML text: parser positions past its end are clamped to it. */
  length: number;
}

const documents = new WeakMap<YamlSource, Document>();
/** Sources read by the fast path: each key starts its own line, at the margin (load/plain-yaml.ts). */
const plainSources = new WeakSet<YamlSource>();

/** Marks a source as read by the fast path (its values sit on their keys' lines). */
export function markPlain(source: YamlSource): void {
  plainSources.add(source);
}

/** The source's YAML document with positions, parsed when first needed. */
export function documentOf(source: YamlSource): Document {
  let doc = documents.get(source);
  if (!doc) {
    doc = parseDocument(source.text, { prettyErrors: false, uniqueKeys: true });
    documents.set(source, doc);
  }
  return doc;
}

/** The place of a character offset of the YAML text, in file coordinates. */
export function placeOfOffset(source: YamlSource, offset: number): Place {
  const at = Math.max(0, Math.min(offset, source.length));
  const line = lineOf(source.lineStarts, at);
  return { line: line + 1 + source.lineOffset, column: at - source.lineStarts[line]! + 1 };
}

export function placeOfNode(source: YamlSource, node: Node | null | undefined): Place {
  const start = node?.range?.[0];
  return start === undefined ? { line: 1 + source.lineOffset, column: 1 } : placeOfOffset(source, start);
}

/** The pair of a top-level key, if present. */
export function findPair(source: YamlSource, key: string): Pair | undefined {
  const contents = documentOf(source).contents;
  if (!isMap(contents)) return undefined;
  return contents.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

/** Where a key is written; the top of the YAML when it is missing. */
export function keyPlace(source: YamlSource, key: string): Place {
  return placeOfNode(source, findPair(source, key)?.key as Node | undefined);
}

/**
 * Where the value at `path` is written (`['themes', 2]` for an item of a list),
 * falling back to its key, then to the top of the YAML.
 */
export function valuePlace(source: YamlSource, path: readonly (string | number)[]): Place {
  const [head, ...rest] = path;
  if (rest.length === 0 && typeof head === 'string' && plainSources.has(source)) {
    // A value on its key's line in plain YAML: found without the document
    // (every issue.yml gives the places of `issue` and `total`).
    const written = new RegExp(`^${head.replace(/[^\w]/g, '\\$&')}: +(?=[^\\s#])`, 'm').exec(source.text);
    if (written) return placeOfOffset(source, written.index + written[0].length);
  }
  if (typeof head !== 'string') return placeOfNode(source, documentOf(source).contents as Node | null);
  const pair = findPair(source, head);
  if (!pair) return placeOfNode(source, null);
  let node = (pair.value ?? pair.key) as Node | null;
  for (const step of rest) {
    if (typeof step === 'number' && isSeq(node) && node.items[step]) node = node.items[step] as Node;
    else if (typeof step === 'string' && isMap(node)) {
      const inner = node.items.find((p) => isScalar(p.key) && String(p.key.value) === step);
      if (!inner) break;
      node = (inner.value ?? inner.key) as Node;
    } else break;
  }
  return placeOfNode(source, node ?? (pair.key as Node));
}

/** Top-level keys with their places, in document order. */
export function listKeys(source: YamlSource): { key: string; place: Place }[] {
  const contents = documentOf(source).contents;
  if (!isMap(contents)) return [];
  return contents.items.flatMap((p) =>
    isScalar(p.key) ? [{ key: String(p.key.value), place: placeOfNode(source, p.key) }] : [],
  );
}

/** The 1-based place of a character inside a string value (plain or quoted scalar). */
export function placeInValue(source: YamlSource, key: string, index: number): Place {
  const pair = findPair(source, key);
  const node = pair?.value as Node | undefined;
  if (!isScalar(node) || !node.range) return keyPlace(source, key);
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
  const base = placeOfOffset(source, node.range[0]);
  return { line: base.line, column: base.column + quoted + index };
}
