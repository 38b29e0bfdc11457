import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, type Scalar, type YAMLMap } from 'yaml';
import { loadPlainYaml } from '../src/load/plain-yaml.js';
import { parseYamlSource } from '../src/load/yaml-source.js';
import { listKeys, placeInValue, valuePlace } from '../src/text/yaml-places.js';

/** What `yaml`, the parser of record, makes of the text: its data, or undefined when it reports an error or no mapping. */
function yamlData(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return undefined;
  return doc.toJS({ maxAliasCount: 100 }) as unknown;
}

/** Pieces of front-matter lines: keys, separators, scalars that resolve to every core type, quotes, escapes, comments, indents. */
const key = fc.constantFrom(
  'issue',
  'county',
  'theme',
  'title',
  'themes',
  'total',
  'a',
  'B-2',
  'x_y',
  'null',
  'true',
  'True',
  '1',
  '0o7',
  '1.5',
  '~',
  '"q"',
  "'s'",
  '',
  '键',
  '__proto__',
  'constructor',
);
const scalar = fc.constantFrom(
  '18',
  '018',
  '+18',
  '-0',
  '0o17',
  '0o8',
  '0x1F',
  '0xg',
  '1_000',
  '0b11',
  '.5',
  '5.',
  '1e3',
  '1E-3',
  '-.inf',
  '.Inf',
  '.NaN',
  '.nan',
  'nan',
  'true',
  'True',
  'TRUE',
  'tRue',
  'yes',
  'no',
  'on',
  'null',
  'Null',
  'NULL',
  '~',
  '',
  '2009-06-15',
  '12:30',
  '190:20:30',
  '江华县',
  '江华县全力为新型工业化提供干部保障',
  '100%的',
  '第#1',
  ' # 注释',
  '#x',
  'a - b',
  'a: b',
  'a:b',
  '- x',
  '"双引号"',
  "'单引号'",
  '"带\\n转义\\u4e2d\\"',
  "'it''s'",
  '"未闭合',
  "'未闭合",
  '"a\\x"',
  '"跨\n  行"',
  '跨\n  行',
  '\\',
  '，',
  '“中文引号”',
  '：',
  ' ',
  '  ',
);
/** Any text as a value: odd Unicode, separators, control characters, escapes. */
const anyScalar = fc.oneof(
  scalar,
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom(
      ' ',
      ':',
      '#',
      '-',
      '"',
      "'",
      '\\',
      '\n',
      ',',
      '.',
      '0',
      '1',
      'e',
      'x',
      'o',
      '中',
      '\u3000',
      '\u2028',
      '\u0085',
      '\ufeff',
      '\u0000',
    ),
    maxLength: 10,
  }),
);
const plainKey = fc.constantFrom('issue', 'county', 'theme', 'title', 'themes', 'a', 'B-2', 'x_y');
const piece = fc.oneof(
  { arbitrary: fc.tuple(plainKey, anyScalar).map(([k, v]) => `${k}: ${v}`), weight: 6 },
  anyScalar.map((v) => `  - ${v}`),
  fc.tuple(key, scalar).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(key, scalar).map(([k, v]) => `${k}:${v}`),
  key.map((k) => `${k}:`),
  scalar.map((v) => `  - ${v}`),
  scalar.map((v) => `- ${v}`),
  scalar.map((v) => `    ${v}`),
  fc.tuple(key, key, scalar).map(([k, j, v]) => `${k}:\n  ${j}: ${v}`),
  fc.constantFrom('# 注释', '', ' ', '  ', 'issue: 18 # 注释', '  x: 1'),
);
const yamlText = fc.array(piece, { maxLength: 6 }).map((lines) => `${lines.join('\n')}\n`);

describe('plain front-matter read by js-yaml', () => {
  it('gives the data `yaml` gives, whenever it reads a text at all', () => {
    let read = 0;
    fc.assert(
      fc.property(yamlText, (text) => {
        const plain = loadPlainYaml(text);
        if (plain === undefined) return;
        read++;
        expect(yamlData(text), text).toEqual(plain);
        // The places of top-level values found without the document are `yaml`'s.
        const { source } = parseYamlSource(text, 'a.md', 2);
        const doc = parseDocument(text);
        for (const key of Object.keys(plain)) {
          const node = (doc.get(key, true) ?? null) as { range?: [number, number, number] } | null;
          const pair = (doc.contents as YAMLMap).items.find((p) => String((p.key as Scalar).value) === key)!;
          const start = node?.range?.[0] ?? (pair.key as Scalar).range![0];
          const line = text.slice(0, start).split('\n').length;
          const column = start - text.lastIndexOf('\n', start - 1);
          expect(valuePlace(source, [key]), `${key} in ${text}`).toEqual({ line: line + 2, column });
        }
      }),
      { numRuns: Number(process.env.PLAIN_YAML_RUNS ?? 8000) },
    );
    // The generator is not so hostile that the fast path never runs.
    expect(read).toBeGreaterThan(400);
  });

  it('reads the front-matter editors write, and leaves YAML syntax they do not write to `yaml`', () => {
    expect(loadPlainYaml('issue: 18\ncounty: 江华县\ntheme: 主题\ntitle: "江华县：标题"\n')).toEqual({
      issue: 18,
      county: '江华县',
      theme: '主题',
      title: '江华县：标题',
    });
    expect(
      loadPlainYaml('year: 2009\nissue: 018\ntotal: 476\ndate: 2009-06-15\nthemes:\n  - 主题一\n  - 主题二\n'),
    ).toEqual({
      year: 2009,
      issue: 18,
      total: 476,
      date: '2009-06-15',
      themes: ['主题一', '主题二'],
    });
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |\n  x\n',
      'a: [1, 2]\n',
      'a: {b: 1}\n',
      'a:\tb\n',
      '1: x\n',
      'a: 1\na: 2\n',
      'title 江华县\n',
      'a: b: c\n',
    ]) {
      expect(loadPlainYaml(text), text).toBeUndefined();
    }
  });

  it('still places diagnostics exactly when the fast path read the text', () => {
    const text = 'issue: 18\ncounty: 江华县\ntheme: 主题\ntitle: "标题。"\nthemes:\n  - 甲\n  - 乙\n';
    expect(loadPlainYaml(text)).toBeDefined();
    const { source, diagnostics } = parseYamlSource(text, 'a.md', 1);
    expect(diagnostics).toEqual([]);
    expect(source.data).toEqual(yamlData(text));
    // lineOffset 1: the YAML starts on the file's second line, after the fence.
    expect(valuePlace(source, ['title'])).toEqual({ line: 5, column: 8 });
    expect(placeInValue(source, 'title', 2)).toEqual({ line: 5, column: 11 });
    expect(valuePlace(source, ['themes', 1])).toEqual({ line: 8, column: 5 });
    expect(listKeys(source).map((k) => k.key)).toEqual(['issue', 'county', 'theme', 'title', 'themes']);
  });
});
