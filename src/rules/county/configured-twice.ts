import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { County } from '../../model/config.js';
import { CONFIG_FILE } from '../../paths.js';
import { type YamlSource, valuePlace } from '../../text/yaml-places.js';
import { defineRule } from '../rule.js';

const CONFIG = (counties: string) => ({ [CONFIG_FILE]: `bulletin: 永组信息\ncounties:\n${counties}` });

/** Two configured counties that a reader or the site could not tell apart. */
export const countyConfiguredTwice = defineRule({
  id: 'county/configured-twice',
  kind: 'source',
  severity: 'error',
  summary: 'yongzu.config.yml 里两个县区用了同一个名称、别名或 slug',
  description:
    'counties 里的每个县区要能分清：稿件的 county 按名称和别名（aliases）认县区，网站上每个县区一个页面，' +
    '地址用它的 slug（如 counties/jianghua/）。两个县区写了同一个名称或别名，稿件就不知道算哪个县区；' +
    '用了同一个 slug，后一个县区的页面会盖掉前一个，读者就看不到前一个县区的稿件列表。报告指向后写的那一处，' +
    '并说明和哪个县区重了。',
  fix: '删去重复的一项，或改成各自不同的名称、别名和 slug（slug 只用小写字母、数字和连字符，如 jianghua、daoxian）。',
  examples: {
    fail: [
      {
        files: CONFIG('  - name: 江华县\n    slug: jianghua\n  - name: 道县\n    slug: jianghua\n'),
        at: `${CONFIG_FILE}:6:11`,
      },
      {
        files: CONFIG('  - name: 江华县\n    aliases: [江华]\n  - name: 江永县\n    aliases: [江华]\n'),
        at: `${CONFIG_FILE}:6:15`,
      },
      { files: CONFIG('  - 江华县\n  - 道县\n  - 江华县\n'), at: `${CONFIG_FILE}:5:5` },
    ],
    pass: [
      { files: CONFIG('  - name: 江华县\n    slug: jianghua\n  - name: 道县\n    slug: daoxian\n') },
      { files: CONFIG('  - name: 江华县\n    aliases: [江华, 江华瑶族自治县]\n  - 道县\n') },
    ],
  },
});

/**
 * The counties of the configuration (resolved: every one with its slug) against
 * each other, reported at the later of two that clash, in the file as written.
 */
export function checkCountiesDistinct(source: YamlSource, counties: readonly County[]): Diagnostic[] {
  const raw = source.data?.counties;
  if (!Array.isArray(raw)) return [];
  const out: Diagnostic[] = [];
  const spellings = new Map<string, number>();
  const slugs = new Map<string, number>();
  const nameOf = (i: number) => counties[i]!.name;
  counties.forEach((county, i) => {
    const item = raw[i];
    const written = typeof item === 'object' && item !== null;
    const report = (path: (string | number)[], message: string) =>
      out.push(countyConfiguredTwice.report(source.file, valuePlace(source, ['counties', i, ...path]), message));
    const own = new Set<string>();
    [county.name, ...county.aliases].forEach((spelling, k) => {
      if (own.has(spelling)) return; // the same spelling twice within one county: harmless
      own.add(spelling);
      const first = spellings.get(spelling);
      if (first === undefined) {
        spellings.set(spelling, i);
        return;
      }
      const path = !written ? [] : k === 0 ? ['name'] : ['aliases', k - 1];
      const what = k === 0 ? '名称' : '别名';
      report(
        path,
        first === i
          ? `县区「${county.name}」的${what}「${spelling}」重复。`
          : `县区${what}「${spelling}」已经用于前面的县区「${nameOf(first)}」：稿件写「${spelling}」时分不清是哪个县区。`,
      );
    });
    const first = slugs.get(county.slug);
    if (first === undefined) slugs.set(county.slug, i);
    else
      report(
        written && 'slug' in (item as object) ? ['slug'] : written ? ['name'] : [],
        `slug「${county.slug}」已经用于前面的县区「${nameOf(first)}」：两个县区的网页会写到同一个地址，后一个盖掉前一个。`,
      );
  });
  return out;
}
