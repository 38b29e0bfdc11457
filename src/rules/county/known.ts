import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { suggest } from '../../diagnostics/suggest.js';
import { edited, SUBMISSION } from '../examples.js';
import { defineRule } from '../rule.js';
import type { County } from '../../model/config.js';
import { type YamlSource, valuePlace } from '../../text/yaml-places.js';

/** The county is one the configuration knows (names and aliases). */
export const countyKnown = defineRule({
  id: 'county/known',
  kind: 'source',
  severity: 'error',
  summary: '县区名不在配置的县区表里',
  description:
    '稿件的 county 要写配置里有的县区名或别名（默认是永州市的各县区，如「江华县」，别名如「江华瑶族自治县」），' +
    '网站按县区归档稿件，写错了就会归错或归不进去。报告里会给出最接近的县区名和全部可选的县区。' +
    '「yongzu new submission --county」给了不认识的县区时，也报告这一条。',
  fix: '改为列出的县区名之一；确是新县区的，把它加到 yongzu.config.yml 的 counties 里（可带 aliases 别名）。',
  examples: {
    fail: [
      { files: edited(SUBMISSION, 'county: 江华县', 'county: 永州县'), at: `${SUBMISSION}:3:9` },
      { files: edited(SUBMISSION, 'county: 江华县', 'county: 江化县'), at: `${SUBMISSION}:3:9` },
    ],
    pass: [
      { files: edited(SUBMISSION, 'county: 江华县', 'county: 江华瑶族自治县'), note: '别名也可以。' },
      {
        files: {
          ...edited(SUBMISSION, 'county: 江华县', 'county: 测试区'),
          'yongzu.config.yml': 'counties:\n  - 江华县\n  - name: 测试县\n    aliases: [测试区]\n',
        },
        note: '新县区加到 yongzu.config.yml 的 counties 里。',
      },
    ],
  },
});

/** Finds a county by its name or one of its aliases. */
export function findCounty(counties: readonly County[], text: string): County | undefined {
  return counties.find((c) => c.name === text || c.aliases.includes(text));
}

/** The county a submission names, or the diagnostic that it is unknown (with a did-you-mean and the list). */
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
      countyKnown.report(
        source.file,
        valuePlace(source, ['county']),
        `未知县区「${text}」；${close ? `是不是「${close}」？` : ''}可选：${list}。新县区请加到 yongzu.config.yml 的 counties。`,
      ),
    ],
  };
}
