import { suggest } from '../diagnostics/suggest.js';
import { FAMILIES, familyOf, RULES } from './catalogue.js';
import { EXAMPLE_PROJECT } from './examples.js';
import { type Example, isTextExample, type Rule } from './rule.js';
import { SEVERITY_LABEL, showFiles, showPlace } from './show-example.js';
import { maxOf } from '../util/append.js';

/** `yongzu rules`: every rule by family, one line each: id, severity, summary. */
export function formatRuleList(): string {
  const width = maxOf(
    RULES.map((r) => r.id.length),
    0,
  );
  const lines = FAMILIES.flatMap((family) => [
    `${family.title}（${family.id}）`,
    ...family.rules.map(
      (r) =>
        `  ${r.id.padEnd(width)}  ${SEVERITY_LABEL[r.severity]}  ${r.summary}` +
        (r.kind === 'source' && r.fixable ? '；可用 check --fix 改正' : ''),
    ),
    '',
  ]);
  lines.push(`共 ${RULES.length} 条规则。用「yongzu explain 规则名」查看一条规则的说明、示例和改法。`);
  return lines.join('\n');
}

/** `yongzu rules --format json`: the catalogue as data. */
export function formatRuleListJson(): string {
  return JSON.stringify(
    RULES.map((r) => ({
      id: r.id,
      family: familyOf(r.id),
      kind: r.kind,
      severity: r.severity,
      fixable: r.kind === 'source' && r.fixable === true,
      summary: r.summary,
      description: r.description,
      fix: r.fix,
      ...(r.kind === 'source' ? { examples: r.examples } : {}),
    })),
    null,
    2,
  );
}

/** `yongzu explain RULE`: the rule in Chinese, with its examples and how to fix. */
export function formatRuleExplanation(rule: Rule): string {
  const family = FAMILIES.find((f) => f.id === familyOf(rule.id))!;
  const out = [`${rule.id}  ${SEVERITY_LABEL[rule.severity]}  ${family.title}`, rule.summary, '', rule.description, ''];
  if (rule.kind === 'source') {
    const all = [...rule.examples.fail, ...rule.examples.pass];
    if (all.some((e) => !isTextExample(e))) {
      out.push(
        `示例都在一个最小的示例项目上改动（${Object.keys(EXAMPLE_PROJECT).join('、')}），只列出改动的文件。`,
        '',
      );
    }
    out.push('错误示例', ...examples(rule.examples.fail), '', '正确示例', ...examples(rule.examples.pass), '');
  } else {
    out.push('这条规则报告的是命令运行中遇到的问题，不是稿件里的问题，所以没有示例。', '');
  }
  out.push('改法', indent(rule.fix, '  '));
  return out.join('\n');
}

function examples(list: readonly Example[]): string[] {
  return list.flatMap((example, i) => {
    const head = `  ${i + 1}. `;
    const pad = ' '.repeat(head.length);
    const lines: string[] = [];
    if (isTextExample(example)) {
      lines.push(head + indent(example.text, pad).trimStart());
    } else {
      const files = showFiles(example);
      if (files.length === 0) lines.push(`${head}示例项目本身，不作改动。`);
      files.forEach((f, j) => {
        lines.push(`${j === 0 ? head : pad}${f.path}${f.remark ? `（${f.remark}）` : ''}${f.text ? '：' : ''}`);
        if (f.text) lines.push(indent(f.text.replace(/\n$/, ''), `${pad}  │ `));
      });
    }
    const place = showPlace(example);
    if (place) lines.push(`${pad}报告位置：${place}`);
    if (isTextExample(example) && example.fixed !== undefined) lines.push(`${pad}改正后：${example.fixed}`);
    if (example.note) lines.push(`${pad}${example.note}`);
    return lines;
  });
}

function indent(text: string, pad: string): string {
  return text
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}

/** The rule id closest to a name that is none (by id, or by the name after the slash), for a did-you-mean. */
export function closestRuleId(name: string): string | undefined {
  const ids = RULES.map((r) => r.id);
  const byId = suggest(name, ids);
  if (byId) return byId;
  const names = ids.map((id) => id.slice(id.indexOf('/') + 1));
  const byName = suggest(name.slice(name.indexOf('/') + 1), names);
  return byName === undefined ? undefined : ids[names.indexOf(byName)];
}
