import nunjucks from 'nunjucks';
import { searchPaths } from './search-paths.js';

export { PACKAGE_DIR, searchPaths } from './search-paths.js';

/** The nunjucks environment of one build: autoescape on, so every front-matter string is escaped. */
export function createTemplateEnv(root: string): nunjucks.Environment {
  // Templates are compiled once per environment; dev makes a new environment when a template changes.
  const loader = new nunjucks.FileSystemLoader(searchPaths(root, 'templates'), { noCache: false });
  return new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
}
