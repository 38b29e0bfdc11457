import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { edited, SUBMISSION } from '../examples.js';
import { defineRule } from '../rule.js';
import { type YamlSource, valuePlace } from '../../text/yaml-places.js';

const TITLE = 'title: 江华县全力为新型工业化提供干部保障';

/** The title is the lead sentence without its final 。; the merged issue adds it. */
export const titleFinalPeriod = defineRule({
  id: 'title/final-period',
  kind: 'source',
  severity: 'warning',
  summary: '标题末尾加了句号',
  description:
    '稿件的 title 是印在正文前面的那句加粗的导语，合成时会自动在后面加上句号。title 自己再带句号，印出来就是两个。',
  fix: '删去 title 末尾的句号。',
  examples: {
    fail: [{ files: edited(SUBMISSION, TITLE, `${TITLE}。`), at: `${SUBMISSION}:5:8` }],
    pass: [{ files: edited(SUBMISSION, TITLE, TITLE) }],
  },
});

export function checkTitlePeriod(source: YamlSource, title: string): Diagnostic[] {
  if (!/[。．.]$/.test(title)) return [];
  return [
    titleFinalPeriod.report(source.file, valuePlace(source, ['title']), '「title」末尾不要加句号，合成时会自动加上。'),
  ];
}
