import { isMap } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { aliasLimitAt, MAX_ALIASES } from '../rules/front-matter/alias-limit.js';
import { fullwidthColons } from '../rules/front-matter/fullwidth-colon.js';
import { notMappingAt } from '../rules/front-matter/not-mapping.js';
import { yamlError } from '../rules/front-matter/yaml.js';
import { lineStarts } from '../text/line-index.js';
import { documentOf, markPlain, placeOfNode, placeOfOffset, type YamlSource } from '../text/yaml-places.js';
import { loadPlainYaml } from './plain-yaml.js';

/**
 * Parses YAML text into a document with positions. `lineOffset` is the number
 * of lines in the file before the YAML text begins.
 */
export function parseYamlSource(
  text: string,
  file: string,
  lineOffset: number,
): { source: YamlSource; diagnostics: Diagnostic[] } {
  // Our own line table: the parser's LineCounter misses lines it never reached after an error.
  const source: YamlSource = {
    file,
    text,
    lineStarts: lineStarts(text),
    data: undefined,
    lineOffset,
    length: text.length,
  };
  const { lines: colonLines, diagnostics } = fullwidthColons(text, file, lineOffset);

  // Plain front-matter (the usual kind) is read by the faster parser; the
  // document with positions is made only if a diagnostic needs a place.
  const plain = diagnostics.length === 0 ? loadPlainYaml(text) : undefined;
  if (plain) {
    source.data = plain;
    markPlain(source);
    return { source, diagnostics };
  }
  const doc = documentOf(source);
  for (const error of doc.errors) {
    const place = placeOfOffset(source, error.pos[0]);
    if (colonLines.has(place.line - lineOffset)) continue;
    diagnostics.push(yamlError(file, place, error.code));
  }
  if (diagnostics.length > 0) return { source, diagnostics };

  if (doc.contents !== null && !isMap(doc.contents)) {
    diagnostics.push(notMappingAt(file, placeOfNode(source, doc.contents)));
    return { source, diagnostics };
  }
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
    source.data = (data ?? {}) as Record<string, unknown>;
  } catch {
    diagnostics.push(aliasLimitAt(file, { line: 1 + lineOffset, column: 1 }));
  }
  return { source, diagnostics };
}
