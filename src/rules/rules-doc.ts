import { FAMILIES, RULES } from './catalogue.js';
import { EXAMPLE_PROJECT } from './examples.js';
import { type Example, isTextExample, type Rule } from './rule.js';
import { SEVERITY_LABEL, type ShownFile, showFiles, showPlace } from './show-example.js';
import { pushAll } from '../util/append.js';

/** Where the editors' guide keeps the rules reference (written by `npm run docs`). */
export const RULES_DOC = 'docs/editors/rules.md';

/**
 * The rules reference of the editors' guide, docs/editors/rules.md: every rule
 * of the catalogue, by family, with its severity, description, failing and
 * passing examples and how to fix. Generated (`npm run docs`), and a test holds
 * the committed file to it, so the reference cannot drift from the rules.
 */
export function rulesMarkdown(): string {
  const out: string[] = [
    '# 检查规则一览',
    '',
    '<!-- 本文由 npm run docs 从规则目录 src/rules/ 生成，请勿手工修改：改了规则的说明或示例，再运行 npm run docs。 -->',
    '',
    '`yongzu check` 报告的每个问题，行末都写着它的规则名，如 `copy/halfwidth-punctuation`。' +
      `本文按类列出全部 ${RULES.length} 条规则：每一条查什么、为什么、错误和正确的示例、怎么改。`,
    '',
    '- **错误**：必须改正，否则 `yongzu build` 不生成刊物。',
    '- **警告**：不妨碍生成，但最好改正。改法里写着可用「yongzu check --fix」自动改正的，' +
      '运行 `yongzu check --fix` 就能改好（原文件先备份）。',
    '',
    '在命令行里，`yongzu rules` 列出全部规则，`yongzu explain 规则名` 显示一条规则的说明和示例。',
    '',
    '| 规则 | 级别 | 查什么 |',
    '|---|---|---|',
    ...RULES.map((r) => `| [\`${r.id}\`](#${anchor(r.id)}) | ${SEVERITY_LABEL[r.severity]} | ${cell(md(r.summary))} |`),
    '',
    '## 示例项目',
    '',
    '稿件方面的规则，示例大多在下面这个最小的项目上改动，只列出改动了的文件。这个项目本身检查起来一个问题也没有。',
    '',
    ...Object.entries(EXAMPLE_PROJECT).flatMap(([path, text]) => [`\`${path}\`：`, '', ...fence(text, path), '']),
  ];
  for (const family of FAMILIES) {
    out.push(`## ${family.title}（${family.id}）`, '', md(family.about), '');
    for (const rule of family.rules) pushAll(out, ruleSection(rule));
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function ruleSection(rule: Rule): string[] {
  const out = [
    `<a id="${anchor(rule.id)}"></a>`,
    '',
    `### ${rule.id}`,
    '',
    `**${SEVERITY_LABEL[rule.severity]}**：${md(rule.summary)}`,
    '',
    md(rule.description),
    '',
  ];
  if (rule.kind === 'source') {
    out.push('**错误示例**', '', ...examples(rule.examples.fail), '**正确示例**', '', ...examples(rule.examples.pass));
  } else {
    out.push('这一条报告的是命令运行中遇到的问题，不是稿件里的问题，所以没有示例。', '');
  }
  out.push(`**改法**：${md(rule.fix)}`, '');
  return out;
}

function examples(list: readonly Example[]): string[] {
  return list.flatMap((example) => {
    // The catalogue's texts are plain text: Markdown's marks in them are escaped, code is shown as code.
    const place = showPlace(example, { file: code, char: md });
    const notes = [
      ...(place ? [`报告位置：${place}`] : []),
      ...(isTextExample(example) && example.fixed !== undefined ? [`改正后：${code(example.fixed)}`] : []),
      ...(example.note ? [md(example.note)] : []),
    ].join('；');
    if (isTextExample(example)) {
      if (!example.text.includes('\n')) return [`- ${code(example.text)}${notes ? `　${notes}` : ''}`, ''];
      return [`- 正文：`, '', ...indent(fence(example.text, '.txt')), '', ...(notes ? [`  ${notes}`, ''] : [])];
    }
    const files = showFiles(example);
    if (files.length === 0) return [`- 示例项目本身，不作改动${notes ? `。${notes}` : ''}`, ''];
    const lines = files.flatMap((f) => [shownFile(f), '', ...(f.text ? [...fence(f.text, f.path), ''] : [])]);
    if (notes) lines.push(notes, '');
    return [`- ${lines[0]}`, ...indent(lines.slice(1))];
  });
}

function shownFile(f: ShownFile): string {
  return `${code(f.path)}${f.remark ? `（${f.remark}）` : ''}${f.text ? '：' : ''}`;
}

/** A fenced code block, its language from the file's extension. */
function fence(text: string, path: string): string[] {
  const lang = /\.ya?ml$/.test(path) ? 'yaml' : /\.md$/.test(path) ? 'markdown' : 'text';
  return [`\`\`\`${lang}`, ...text.replace(/\n$/, '').split('\n'), '```'];
}

function indent(lines: string[]): string[] {
  return lines.map((l) => (l === '' ? l : `  ${l}`));
}

/** Inline code of any text (one line): a longer fence when the text holds backticks. */
function code(text: string): string {
  if (!text.includes('`')) return `\`${text}\``;
  return `\`\` ${text} \`\``;
}

/** Plain text in Markdown: the characters that would mark it up escaped (`_` inside a word marks nothing). */
const md = (text: string) => text.replace(/[\\`*[\]<>~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\$&');

/** A table cell: pipes escaped. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The anchor of a rule's section: its id with the slash as a hyphen. */
const anchor = (id: string) => id.replace('/', '-');
