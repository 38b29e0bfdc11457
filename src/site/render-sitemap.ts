import { escapeXml, siteUrl } from './render-feed.js';
import type { Config } from '../model/config.js';

/**
 * `sitemap.xml`, or undefined when no `site.baseUrl` is configured: the
 * sitemap protocol requires absolute URLs, and a guessed host would be wrong.
 */
export function renderSitemap(pagePaths: readonly string[], config: Config): string | undefined {
  const base = config.site.baseUrl;
  if (!base) return undefined;
  const urls = pagePaths.map(
    (p) => `  <url><loc>${escapeXml(siteUrl(base, p.replace(/(^|\/)index\.html$/, '$1')))}</loc></url>`,
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
