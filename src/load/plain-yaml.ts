import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { isScalar, Schema, type ScalarTag } from 'yaml';

/**
 * Plain front-matter (keys, plain or quoted values, lists: what editors
 * write) is read by js-yaml, which is about four times faster than `yaml`
 * and allocates far less; `yaml` stays the parser of record for everything
 * else and for every place and message (yaml-source.ts).
 *
 * The two agree on what they accept here: js-yaml resolves plain scalars with
 * the tags of `yaml`'s own core schema (so `018`, `0o17`, `1_000` or `.5`
 * become what `yaml` makes of them), and text with anchors, aliases, tags,
 * block scalars, flow collections, directives, tabs, or any shape but keys
 * and lists of plain names and values (hasPlainShape) is left to `yaml`. A
 * property test (test/plain-yaml.test.ts) holds both to the same data and
 * places on random YAML-like text.
 */

/** Characters after which `yaml` must read the text: YAML syntax editors do not write in front-matter. */
const NOT_PLAIN = /[\t\r&*!|>{}[\]@`?]|__proto__|^(?:---|\.\.\.|%)/m;

/** A plain key: a name, as the format's keys are. */
const PLAIN_KEY = /^[A-Za-z][\w-]*$/;

const coreScalarTags = new Schema({ schema: 'core' }).tags.filter(
  (tag): tag is ScalarTag => 'test' in tag && tag.test instanceof RegExp && tag.default === true,
);

/** `yaml`'s core tags as js-yaml types, tried in `yaml`'s order on plain scalars only. */
const schema = FAILSAFE_SCHEMA.extend({
  implicit: coreScalarTags.map(
    (tag, i) =>
      new Type(`tag:yongzu,core:${i}`, {
        kind: 'scalar',
        resolve: (text: string | null) => text !== null && tag.test!.test(text),
        construct: (text: string) => {
          const value = tag.resolve(text, () => undefined, {});
          return isScalar(value) ? value.value : value;
        },
      }),
  ),
});

/**
 * The data of a plain YAML mapping, or undefined when the text is not plain
 * or not a mapping of plain keys: the caller then parses it with `yaml`.
 */
export function loadPlainYaml(text: string): Record<string, unknown> | undefined {
  if (NOT_PLAIN.test(text) || !hasPlainShape(text)) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema });
  } catch {
    return undefined;
  }
  if (!isPlainMapping(data)) return undefined;
  return data;
}

const COMMENT_OR_BLANK = /^ *(?:#|$)/;
const KEY_LINE = /^[A-Za-z][\w-]*:(?: +(#)?|$)/;
/** A list item holding a scalar (not an empty item, a list or a mapping). */
const ITEM_LINE = /^( *)- +(?=[^\s#])(?!-(?: |$)|[^"']*:(?: |$))/;
/** A quoted value must end on its line (then only a comment may follow). */
const QUOTED_ON_ITS_LINE = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')(?: +#.*| *)$/;

function valueEndsOnItsLine(value: string): boolean {
  return (value[0] !== '"' && value[0] !== "'") || QUOTED_ON_ITS_LINE.test(value);
}

/**
 * The shape editors write: `key: value` lines at the margin, and under a key
 * with no value its list, `- item` lines all indented alike. Anything else
 * (nested mappings, empty items, scalars over several lines) is where the
 * two parsers' rules on indentation part, so it is left to `yaml`.
 */
function hasPlainShape(text: string): boolean {
  let list: 'none' | 'may-start' | number = 'none';
  for (const line of text.split('\n')) {
    if (COMMENT_OR_BLANK.test(line)) continue;
    const key = KEY_LINE.exec(line);
    if (key) {
      list = line.length === key[0].length || key[1] ? 'may-start' : 'none';
      if (!valueEndsOnItsLine(line.slice(key[0].length))) return false;
      continue;
    }
    const item = ITEM_LINE.exec(line);
    if (!item || !valueEndsOnItsLine(line.slice(item[0].length))) return false;
    const indent = item[1]!.length;
    if (list === 'may-start') list = indent;
    else if (list !== indent) return false;
  }
  return true;
}

function isPlainMapping(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.entries(value).every(
    ([key, item]) => PLAIN_KEY.test(key) && !coreScalarTags.some((t) => t.test!.test(key)) && isPlainValue(item),
  );
}

function isPlainValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isPlainValue);
  return typeof value === 'object' && value !== null ? isPlainMapping(value) : true;
}
