import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeSource } from '../load/decode.js';
import { parseYamlSource } from '../load/yaml-source.js';
import { valuePlace } from '../text/yaml-places.js';
import { firstNotXml, notXmlMessage } from '../util/xml-text.js';
import { feedInvalidCharacter } from '../rules/feed/invalid-character.js';
import { positiveInt, text } from '../model/schemas.js';
import { undecodable } from '../rules/encoding/undecodable.js';
import { schemaDiagnostics } from '../rules/schema-failures.js';
import { checkUnknownKeys } from '../rules/schema/unknown-key.js';
import { checkCountiesDistinct } from '../rules/county/configured-twice.js';
import { DEFAULT_CONFIG } from './defaults.js';

export { CONFIG_FILE } from '../paths.js';
import { CONFIG_FILE } from '../paths.js';
import type { Config, County } from '../model/config.js';
import { pushAll } from '../util/append.js';

const PERCENT = '「print.red」的每一项应为 0～100 的百分数';
const SLUG = '「slug」只能含小写字母、数字和连字符';
const BASE_URL =
  '「site.baseUrl」应为 http:// 或 https:// 开头的网址，如 https://example.org/yzxx/（不用时删去这一行）';

/**
 * A base URL the feed and sitemap may put in front of every link: http or
 * https only (a `javascript:` address would reach readers' feed tools), with
 * a host, nothing that needs escaping; '' means none.
 */
function isSiteAddress(value: string): boolean {
  if (value === '') return true;
  if (!/^https?:\/\/[^\s"'<>\\]+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
const countySchema = v.union(
  [
    text('counties 的一项'),
    v.object(
      {
        name: text('name'),
        aliases: v.optional(v.array(text('aliases 的一项'), '「aliases」应为列表')),
        slug: v.optional(v.pipe(v.string(SLUG), v.regex(/^[a-z0-9-]+$/, SLUG))),
      },
      '「counties」的每一项应为县区名，或含 name 的几行',
    ),
  ],
  '「counties」的每一项应为县区名，或含 name、aliases、slug 的几行',
);

const configSchema = v.object({
  bulletin: v.optional(text('bulletin')),
  publisher: v.optional(text('publisher')),
  counties: v.optional(
    v.pipe(v.array(countySchema, '「counties」应为县区列表'), v.minLength(1, '「counties」至少要有一个县区')),
  ),
  pageBudget: v.optional(positiveInt('pageBudget', '页数')),
  site: v.optional(
    v.object(
      {
        title: v.optional(text('site.title')),
        baseUrl: v.optional(v.pipe(v.string(BASE_URL), v.check(isSiteAddress, BASE_URL))),
      },
      '「site」应为 title、baseUrl 几行',
    ),
  ),
  distribution: v.optional(
    v.array(
      v.object({ label: text('label'), text: text('text') }, '「distribution」的每一项应含 label 和 text 两行'),
      '「distribution」应为列表，每项含 label 和 text',
    ),
  ),
  copies: v.optional(positiveInt('copies', '份数')),
  print: v.optional(
    v.object(
      {
        red: v.optional(
          v.pipe(
            v.array(
              v.pipe(v.number(PERCENT), v.minValue(0, PERCENT), v.maxValue(100, PERCENT)),
              '「print.red」应为 C、M、Y、K 四个百分数，如 [0, 100, 100, 0]',
            ),
            v.length(4, '「print.red」应为 C、M、Y、K 四个百分数，如 [0, 100, 100, 0]'),
          ),
        ),
        issuer: v.optional(text('print.issuer')),
        fonts: v.optional(text('print.fonts')),
      },
      '「print」应为 red、issuer、fonts 几行',
    ),
  ),
});

const CONFIG_KEYS = Object.keys(configSchema.entries);

/**
 * Reads `yongzu.config.yml` from the root, if present, and fills defaults once.
 * The result is frozen: stages receive it and never change it.
 */
export async function loadConfig(root: string): Promise<{ value: Config; diagnostics: Diagnostic[] }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(root, CONFIG_FILE));
  } catch {
    return { value: DEFAULT_CONFIG, diagnostics: [] };
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    return {
      value: DEFAULT_CONFIG,
      diagnostics: [undecodable.report(CONFIG_FILE, undefined, '配置文件无法读取：请存为 UTF-8 编码的文本。')],
    };
  }
  const { source, diagnostics } = parseYamlSource(decoded.text, CONFIG_FILE, 0);
  if (!source.data) return { value: DEFAULT_CONFIG, diagnostics };
  pushAll(diagnostics, checkUnknownKeys(source, CONFIG_KEYS));
  const parsed = v.safeParse(configSchema, source.data);
  if (!parsed.success) {
    pushAll(diagnostics, schemaDiagnostics(source, parsed.issues));
    return { value: DEFAULT_CONFIG, diagnostics };
  }
  const c = parsed.output;
  // Text that reaches feed.xml: characters XML does not allow are dropped there, and reported here.
  for (const path of [['bulletin'], ['publisher'], ['site', 'title']]) {
    let value: unknown = source.data;
    for (const step of path) value = (value as Record<string, unknown> | undefined)?.[step];
    const char = typeof value === 'string' ? firstNotXml(value) : undefined;
    if (char)
      diagnostics.push(
        feedInvalidCharacter.report(CONFIG_FILE, valuePlace(source, path), notXmlMessage(path.join('.'), char)),
      );
  }
  const value = resolveConfig(c);
  pushAll(diagnostics, checkCountiesDistinct(source, value.counties));
  return { value: Object.freeze(value), diagnostics };
}

/** Fills defaults into a validated configuration. */
function resolveConfig(c: v.InferOutput<typeof configSchema>): Config {
  const counties: County[] | undefined = c.counties?.map((item, i) =>
    typeof item === 'string'
      ? (defaultCounty(item) ?? { name: item, aliases: [], slug: `county-${i + 1}` })
      : {
          name: item.name,
          aliases: item.aliases ?? [],
          slug: item.slug ?? defaultCounty(item.name)?.slug ?? `county-${i + 1}`,
        },
  );
  return {
    bulletin: c.bulletin ?? DEFAULT_CONFIG.bulletin,
    publisher: c.publisher ?? DEFAULT_CONFIG.publisher,
    counties: counties ?? DEFAULT_CONFIG.counties,
    pageBudget: c.pageBudget ?? DEFAULT_CONFIG.pageBudget,
    site: {
      title: c.site?.title ?? DEFAULT_CONFIG.site.title,
      baseUrl: c.site?.baseUrl ?? DEFAULT_CONFIG.site.baseUrl,
    },
    distribution: c.distribution ?? DEFAULT_CONFIG.distribution,
    copies: c.copies ?? DEFAULT_CONFIG.copies,
    print: {
      red: (c.print?.red as [number, number, number, number] | undefined) ?? DEFAULT_CONFIG.print.red,
      issuer: c.print?.issuer ?? DEFAULT_CONFIG.print.issuer,
      fonts: c.print?.fonts ?? DEFAULT_CONFIG.print.fonts,
    },
  };
}

function defaultCounty(name: string): County | undefined {
  return DEFAULT_CONFIG.counties.find((d) => d.name === name || d.aliases.includes(name));
}
