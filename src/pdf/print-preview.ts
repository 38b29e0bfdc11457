import type nunjucks from 'nunjucks';
import { createPrintResources, loadPrintCss, renderPrintPage, type Served } from './print-resources.js';
import type { MarkdownRenderer } from '../render/markdown.js';
import { resolveFontRoles } from './font-roles.js';
import type { Config } from '../model/config.js';
import type { IssueModel } from '../model/issue-model.js';

/** On screen, pages sit on a grey desk with a shadow, like a print preview. */
const SCREEN_CSS =
  '@media screen { html, body { background: #e6e6e6; } ' +
  '.pagedjs_page { background: #fff; margin: 24px auto; box-shadow: 0 2px 12px rgba(0,0,0,.25); } }';

/** URL prefix of the paged print preview in `yongzu dev`. */
export const PREVIEW_PREFIX = '/__yongzu/print';

/**
 * The paged print preview of one issue for the dev server: the same print
 * HTML as the PDF, paginated by Paged.js in the editor's own browser (auto
 * render on), with the live-reload script allowed by its policy. Returns the
 * resources the page may load, by path under PREVIEW_PREFIX.
 */
export async function createPrintPreview(
  issue: IssueModel,
  config: Config,
  env: nunjucks.Environment,
  markdown: MarkdownRenderer,
  root: string,
  origin: string,
): Promise<Map<string, Served>> {
  const printCss = await loadPrintCss(root);
  const base = `${origin}${PREVIEW_PREFIX}`;
  const { choices } = resolveFontRoles(root, config.print.fonts);
  const page = renderPrintPage(issue, config, env, markdown, printCss, base, base, choices);
  const fonts = page.fonts;
  const html = page.html
    // The live-reload client needs its event stream; the policy otherwise stays as strict as for the PDF.
    .replace("default-src 'none'", "default-src 'none'; connect-src 'self'")
    .replace('</head>', `<style>${SCREEN_CSS}</style></head>`)
    .replace('</body>', `<script src="${base}/assets/client.js"></script></body>`);
  const resources = createPrintResources(html, fonts);
  resources.set('/assets/paged-config.js', { body: 'window.PagedConfig = { auto: true };\n', type: 'text/javascript' });
  return resources;
}
