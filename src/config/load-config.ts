import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { decodeSource } from '../load/decode.js';
import { parseYamlSource } from '../load/yaml-source.js';
import { checkUnknownKeys, schemaDiagnostics } from '../check/schema-diagnostics.js';
import { DEFAULT_CONFIG, type Config, type County } from './defaults.js';

export { CONFIG_FILE } from './config-file.js';
import { CONFIG_FILE } from './config-file.js';

const text = (label: string) => z.string({ error: `「${label}」应为一段文字` }).trim().min(1, { error: `「${label}」不能为空` });

const countySchema = z.union([
  text('counties 的一项'),
  z.object({
    name: text('name'),
    aliases: z.array(text('aliases 的一项'), { error: '「aliases」应为列表' }).optional(),
    slug: z.string().regex(/^[a-z0-9-]+$/, { error: '「slug」只能含小写字母、数字和连字符' }).optional(),
  }),
]);

const configSchema = z.object({
  bulletin: text('bulletin').optional(),
  publisher: text('publisher').optional(),
  counties: z.array(countySchema, { error: '「counties」应为县区列表' }).min(1, { error: '「counties」至少要有一个县区' }).optional(),
  pageBudget: z.number({ error: '「pageBudget」应为页数（正整数）' }).int().positive().optional(),
  site: z.object({ title: text('site.title').optional(), baseUrl: z.string().optional() }).optional(),
  distribution: z.array(z.object({ label: text('label'), text: text('text') })).optional(),
  copies: z.number({ error: '「copies」应为份数（正整数）' }).int().positive().optional(),
});

const CONFIG_KEYS = Object.keys(configSchema.shape);

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
    return { value: DEFAULT_CONFIG, diagnostics: [createDiagnostic(CONFIG_FILE, undefined, 'error', 'encoding/undecodable', '配置文件无法读取：请存为 UTF-8 编码的文本。')] };
  }
  const { source, diagnostics } = parseYamlSource(decoded.text, CONFIG_FILE, 0);
  if (!source.data) return { value: DEFAULT_CONFIG, diagnostics };
  diagnostics.push(...checkUnknownKeys(source, CONFIG_KEYS));
  const parsed = configSchema.safeParse(source.data);
  if (!parsed.success) {
    diagnostics.push(...schemaDiagnostics(source, parsed.error));
    return { value: DEFAULT_CONFIG, diagnostics };
  }
  const c = parsed.data;
  return { value: Object.freeze(resolveConfig(c)), diagnostics };
}

/** Fills defaults into a validated configuration. */
function resolveConfig(c: z.infer<typeof configSchema>): Config {
  const counties: County[] | undefined = c.counties?.map((item, i) =>
    typeof item === 'string'
      ? defaultCounty(item) ?? { name: item, aliases: [], slug: `county-${i + 1}` }
      : { name: item.name, aliases: item.aliases ?? [], slug: item.slug ?? defaultCounty(item.name)?.slug ?? `county-${i + 1}` },
  );
  return {
    bulletin: c.bulletin ?? DEFAULT_CONFIG.bulletin,
    publisher: c.publisher ?? DEFAULT_CONFIG.publisher,
    counties: counties ?? DEFAULT_CONFIG.counties,
    pageBudget: c.pageBudget ?? DEFAULT_CONFIG.pageBudget,
    site: { title: c.site?.title ?? DEFAULT_CONFIG.site.title, baseUrl: c.site?.baseUrl ?? DEFAULT_CONFIG.site.baseUrl },
    distribution: c.distribution ?? DEFAULT_CONFIG.distribution,
    copies: c.copies ?? DEFAULT_CONFIG.copies,
  };
}

function defaultCounty(name: string): County | undefined {
  return DEFAULT_CONFIG.counties.find((d) => d.name === name || d.aliases.includes(name));
}
