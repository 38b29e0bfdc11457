import { FIND_LAYOUT_JS, type LayoutReport } from './layout-findings.js';

/**
 * Source of the check after pagination, kept as text: the page runs it, and
 * so does Node (findMissing below). As text it is the same byte for byte
 * whoever compiled this module, so the cache key (which holds the page
 * script) does not change between the built CLI and the tests.
 */
const FIND_MISSING_JS = `function findMissing(blocks, paginated) {
  const text = paginated.replace(/\\s+/g, '');
  const missing = [];
  let at = 0;
  for (const block of blocks) {
    const b = block.replace(/\\s+/g, '');
    const i = text.indexOf(b, at);
    if (i < 0) missing.push(block);
    else at = i + b.length;
  }
  return missing;
}`;

/**
 * Moves the imprint (版记) to the bottom of the last page of the paged
 * layout under `root`, as source text: the page script runs it before
 * printing, and the dev print preview after each pagination.
 */
export const MOVE_IMPRINT_JS = `function moveImprint(root) {
  const pages = root.querySelectorAll('.pagedjs_page');
  const last = pages[pages.length - 1];
  const imprint = last ? last.querySelector('.imprint') : null;
  if (!imprint) return;
  const area = imprint.closest('.pagedjs_page_content');
  const free = area.getBoundingClientRect().bottom - imprint.getBoundingClientRect().bottom;
  if (free > 0.5) imprint.style.marginTop = (parseFloat(getComputedStyle(imprint).marginTop) + free) + 'px';
}`;

/**
 * The blocks whose text is not found in the paginated text, in order: each
 * block must appear after the previous one. Whitespace is ignored (lines and
 * pages break text apart).
 */
export const findMissing = new Function(`return ${FIND_MISSING_JS}`)() as (
  blocks: readonly string[],
  paginated: string,
) => string[];

/**
 * The code that runs inside the print page, as source text: it is evaluated
 * by Chromium, not by Node, so it is kept out of the TypeScript build (no DOM
 * types in Node) and shipped as a function expression.
 *
 * It waits for the fonts, remembers the text of every block of the issue,
 * lets Paged.js paginate, then checks that each block's text is present in
 * the pages, in order (Paged.js is known to drop content in some layouts),
 * moves the imprint (版记) to the bottom of the last page, and reports what
 * an editor should look at in the layout (layout-findings.ts).
 */
export const PAGINATE_SCRIPT = `async () => {
  const findMissing = ${FIND_MISSING_JS};
  const findLayout = ${FIND_LAYOUT_JS};
  const moveImprint = ${MOVE_IMPRINT_JS};
  const squash = (s) => (s || '').replace(/\\s+/g, '');
  // Fonts first: layout with a fallback face would break lines and pages differently.
  await document.fonts.ready;
  await document.fonts.load('14pt "YZ Song"', '— 0123456789');
  const selector = 'p, h1, h2, h3, h4, h5, h6, li, td, th, blockquote, pre';
  const blocks = Array.from(document.querySelectorAll('article.issue :is(' + selector + ')'))
    .filter((el) => !el.querySelector(selector))
    .map((el) => squash(el.textContent))
    .filter((t) => t.length > 0);
  if (!window.PagedPolyfill) throw new Error('Paged.js polyfill not loaded');
  await window.PagedPolyfill.preview();
  await document.fonts.ready;
  const pages = Array.from(document.querySelectorAll('.pagedjs_page'));
  const text = pages.map((p) => squash(p.querySelector('.pagedjs_page_content')?.textContent)).join('');
  const missing = findMissing(blocks, text);
  moveImprint(document);
  const failed = [];
  document.fonts.forEach((f) => { if (f.status === 'error') failed.push(f.family); });
  return {
    pages: pages.length,
    blocks: blocks.length,
    missing,
    failedFonts: Array.from(new Set(failed)),
    layout: findLayout(document),
  };
}`;

/** What the page script reports back. */
export interface PaginationReport {
  pages: number;
  blocks: number;
  /** Text of the blocks not found in the paginated pages. */
  missing: string[];
  /** Font families some of whose files failed to load (an official face not installed is not a failure). */
  failedFonts: string[];
  /** Lone lines and lone source lines (layout-findings.ts). */
  layout: LayoutReport;
}
