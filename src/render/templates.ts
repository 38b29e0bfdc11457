import { createRequire } from 'node:module';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { PACKAGE_DIR, searchPaths } from '../paths.js';

export { PACKAGE_DIR, searchPaths } from '../paths.js';

/** Options of every template environment, and of the precompiled built-in templates (they shape the compiled code). */
export const TEMPLATE_OPTIONS: nunjucks.ConfigureOptions = {
  autoescape: true,
  throwOnUndefined: false,
  trimBlocks: true,
  lstripBlocks: true,
};

/** A built-in template compiled ahead of time: its source as compiled, and the code nunjucks made of it. */
export type PrecompiledTemplates = Record<string, { source: string; code: object }>;

/**
 * The built-in templates precompiled by `npm run compile`
 * (scripts/precompile-templates.mjs writes lib/render/builtin-templates.cjs);
 * none when running from the TypeScript sources.
 */
export function builtinTemplates(): PrecompiledTemplates {
  try {
    return createRequire(import.meta.url)('./builtin-templates.cjs') as PrecompiledTemplates;
  } catch {
    return {};
  }
}

/**
 * The nunjucks environment of one build: autoescape on, so every front-matter
 * string is escaped. Templates are found in the project's templates/ first,
 * then among the built-in ones; a built-in template whose file still reads as
 * it was precompiled is taken precompiled (no compiling at start-up), any
 * other is compiled from its file. Each is compiled once per environment; dev
 * makes a new environment when a template changes.
 */
export function createTemplateEnv(
  root: string,
  precompiled: PrecompiledTemplates = builtinTemplates(),
): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader(searchPaths(root, 'templates'), { noCache: false });
  const readSource = loader.getSource.bind(loader);
  loader.getSource = (name: string) => {
    const found = readSource(name);
    const built = precompiled[name];
    if (!found || !built || found.path !== join(PACKAGE_DIR, 'templates', name) || found.src !== built.source)
      return found;
    return { ...found, src: { type: 'code', obj: built.code } as unknown as string };
  };
  return new nunjucks.Environment(loader, TEMPLATE_OPTIONS);
}
