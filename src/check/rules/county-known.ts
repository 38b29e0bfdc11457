import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import { valuePlace, type YamlSource } from '../../load/yaml-source.js';
import { suggest } from '../suggest.js';
import type { County } from '../../model/config.js';

/** Finds a county by its name or one of its aliases. */
export function findCounty(counties: readonly County[], text: string): County | undefined {
  return counties.find((c) => c.name === text || c.aliases.includes(text));
}

/**
 * county/known: the county is one the configuration knows (names and aliases).
 *
 * ok: county: 江华县 · county: 江华瑶族自治县
 * not ok: county: 永州县
 */
export function checkCountyKnown(
  source: YamlSource,
  text: string,
  counties: readonly County[],
): { county?: County; diagnostics: Diagnostic[] } {
  const county = findCounty(counties, text);
  if (county) return { county, diagnostics: [] };
  const names = counties.flatMap((c) => [c.name, ...c.aliases]);
  const close = suggest(text, names);
  const list = counties.map((c) => c.name).join('、');
  return {
    diagnostics: [
      createDiagnostic(
        source.file,
        valuePlace(source, ['county']),
        'error',
        'county/known',
        `未知县区「${text}」；${close ? `是不是「${close}」？` : ''}可选：${list}。新县区请加到 yongzu.config.yml 的 counties。`,
      ),
    ],
  };
}
