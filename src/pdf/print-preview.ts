import type nunjucks from 'nunjucks';
import { createPrintResources, loadPrintCss, renderPrintPage, type Served } from './print-resources.js';
import type { MarkdownRenderer } from '../render/markdown.js';
import { resolveFontRoles } from './font-roles.js';
import type { Config } from '../model/config.js';
import type { IssueModel } from '../model/issue-model.js';
import { PREVIEW_SCREEN_CSS, PREVIEW_SCRIPT } from './preview-script.js';

/** URL prefix of the paged print preview in `yongzu dev`. */
export const PREVIEW_PREFIX = '/__yongzu/print';

/**
 * The paged print preview of one issue for the dev server: the same print
 * HTML as the PDF, paginated by Paged.js in the editor's own browser (auto
 * render on), with the live-reload script allowed by its policy, shown as
 * sheets on a grey desk with the layout check's findings (preview-script.ts). Returns the
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
    .replace('</head>', `<style media="screen" data-pagedjs-ignore>${PREVIEW_SCREEN_CSS}</style></head>`)
    .replace(
      '</body>',
      `<script src="${base}/assets/preview.js"></script><script src="${base}/assets/client.js"></script></body>`,
    );
  const resources = createPrintResources(html, fonts);
  // Paged.js paginates on its own as the page loads, then hands over to the preview script.
  const settings = JSON.stringify({ budget: config.pageBudget });
  resources.set('/assets/paged-config.js', {
    body:
      `window.YongzuPreview = ${settings};\n` +
      'window.PagedConfig = { auto: true, after: () => window.YongzuPreview.paginated?.() };\n',
    type: 'text/javascript',
  });
  resources.set('/assets/preview.js', { body: PREVIEW_SCRIPT, type: 'text/javascript' });
  return resources;
}
