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
 * The blocks whose text is not found in the paginated text, in order: each
 * block must appear after the previous one. Whitespace is ignored (lines and
 * pages break text apart).
 */
export const findMissing = new Function(`return ${FIND_MISSING_JS}`)() as (
  blocks: readonly string[],
  paginated: string,
) => string[];

/**
 * Paged.js handler that repeats a table's header row on every page the table
 * continues on: when a page breaks inside a table, the next page's copy of
 * the table gets the header row before Paged.js measures it, so the rows
 * that fit are counted with the header in place.
 */
const REPEAT_HEADERS_JS = `class RepeatTableHeaders extends window.Paged.Handler {
  constructor(chunker, polisher, caller) {
    super(chunker, polisher, caller);
    this.split = new Set();
  }
  afterPageLayout(pageElement, page, breakToken) {
    this.split = new Set();
    const node = breakToken && breakToken.node;
    const element = node && (node.nodeType === 1 ? node : node.parentElement);
    const table = element && element.closest('table');
    // Only a break between body rows continues a table; one before it moves the whole table on.
    if (table && table.dataset.ref && element.closest('tbody')) this.split.add(table.dataset.ref);
  }
  // The first node of a page that continues a table is appended into a rebuilt copy of the table: give that copy
  // the header row, without data-ref (Paged.js finds nodes by it).
  renderNode(clone, node) {
    if (this.split.size === 0) return;
    const element = clone.nodeType === 1 ? clone : clone.parentElement;
    const table = element && element.closest('table');
    const source = node && (node.nodeType === 1 ? node : node.parentElement);
    const original = source && source.closest('table');
    if (!table || !original || !this.split.has(original.dataset.ref)) return;
    this.split.delete(original.dataset.ref);
    const head = original.querySelector(':scope > thead');
    if (!head || table.querySelector(':scope > thead')) return;
    const copy = head.cloneNode(true);
    copy.removeAttribute('data-ref');
    copy.querySelectorAll('[data-ref]').forEach((e) => e.removeAttribute('data-ref'));
    copy.setAttribute('data-yz-repeated', '');
    table.insertBefore(copy, table.firstChild);
  }
}`;
/**
 * The code that runs inside the print page, as source text: it is evaluated
 * by Chromium, not by Node, so it is kept out of the TypeScript build (no DOM
 * types in Node) and shipped as a function expression.
 *
 * Before pagination it fixes each table's column widths (so they stay the
 * same on every page) and registers the handler that repeats header rows;
 * it takes the imprint (版记) out of the flow. It waits for the fonts,
 * remembers the text of every block, lets Paged.js paginate, then puts the
 * imprint at the bottom of the last even page (GB/T 9704: the 版记 is on the
 * last side of a two-sided document), adding pages as needed: blank pages
 * before it, and then the imprint's page too, carry no page number. Then it
 * checks that each block's text is present in the pages, in order (Paged.js
 * is known to drop content in some layouts), and reports where each article
 * and county section starts, for the bookmarks, and what an editor should
 * look at in the layout (layout-findings.ts).
 */
export const PAGINATE_SCRIPT = `async () => {
  const findMissing = ${FIND_MISSING_JS};
  const findLayout = ${FIND_LAYOUT_JS};
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
  // Column widths as the whole table lays out, fixed for every page it runs over.
  const widths = [];
  document.querySelectorAll('article.issue table').forEach((table, i) => {
    const row = table.rows[0];
    if (!row) return;
    table.setAttribute('data-yz-table', String(i));
    table.style.width = table.getBoundingClientRect().width + 'px';
    Array.from(row.cells).forEach((cell, j) => {
      widths.push('table[data-yz-table="' + i + '"] tr > :nth-child(' + (j + 1) + ') { width: ' +
        cell.getBoundingClientRect().width + 'px; }');
    });
    table.style.tableLayout = 'fixed';
  });
  if (widths.length > 0) {
    const style = document.createElement('style');
    style.textContent = widths.join('\\n');
    document.head.appendChild(style);
  }
  window.Paged.registerHandlers(${REPEAT_HEADERS_JS});
  const imprint = document.querySelector('article.issue .imprint');
  if (imprint) imprint.remove();
  await window.PagedPolyfill.preview();
  await document.fonts.ready;
  const chunker = window.PagedPolyfill.chunker;
  let pages = Array.from(document.querySelectorAll('.pagedjs_page'));
  const contentPages = pages.length;
  const numberless = [];
  let imprintPage = -1;
  let imprintTop = 0;
  if (imprint) {
    const contentOf = (page) => page.querySelector('.pagedjs_page_content');
    const place = (page) => {
      const area = contentOf(page);
      let host = area.firstElementChild;
      if (!host) { host = document.createElement('div'); area.appendChild(host); }
      host.appendChild(imprint);
      imprint.style.marginTop = '0px';
      const box = area.getBoundingClientRect();
      const last = imprint.previousElementSibling;
      const above = last ? Math.max(box.top, last.getBoundingClientRect().bottom) : box.top;
      const free = box.bottom - above - imprint.getBoundingClientRect().height;
      return { area, free };
    };
    let target = pages[pages.length - 1];
    let placed = place(target);
    if (placed.free < 0 || pages.length % 2 === 1) {
      imprint.remove();
      const blanks = [];
      do {
        // A page added as Paged.js adds a blank page, hooks included (they set up the margin boxes).
        const added = chunker.addPage(true);
        await chunker.hooks.beforePageLayout.trigger(added, undefined, undefined, chunker);
        await chunker.hooks.afterPageLayout.trigger(added.element, added, undefined, chunker);
        await chunker.hooks.finalizePage.trigger(added.element, added, undefined, chunker);
        blanks.push(added.element);
      } while ((contentPages + blanks.length) % 2 === 1);
      target = blanks.pop();
      target.classList.remove('pagedjs_blank_page');
      placed = place(target);
      if (blanks.length > 0) for (const page of [...blanks, target]) numberless.push(page);
    }
    const margin = Math.max(0, placed.free);
    imprint.style.marginTop = margin + 'px';
    for (const page of numberless) page.classList.add('yz-numberless');
    pages = Array.from(document.querySelectorAll('.pagedjs_page'));
    imprintPage = pages.indexOf(target);
    imprintTop = imprint.getBoundingClientRect().top - target.getBoundingClientRect().top;
  }
  const text = pages.map((p) => squash(p.querySelector('.pagedjs_page_content')?.textContent)).join('');
  const missing = findMissing(blocks, text);
  // Where each article and each county section starts: the first piece of it, page and offset from the page's top.
  const at = (el) => {
    const page = el.closest('.pagedjs_page');
    return { page: pages.indexOf(page), top: el.getBoundingClientRect().top - page.getBoundingClientRect().top };
  };
  const firstPiece = (el) => !el.hasAttribute('data-split-from');
  const outline = Array.from(document.querySelectorAll('.pagedjs_page .article'))
    .filter(firstPiece)
    .map((article) => {
      const ref = article.getAttribute('data-ref');
      const headline = article.querySelector('.headline');
      const sections = Array.from(
        document.querySelectorAll('.pagedjs_page .article[data-ref="' + ref + '"] .county-section'),
      ).filter(firstPiece);
      return {
        title: article.getAttribute('data-title') || '',
        ...at(headline || article),
        children: sections.map((s) => ({ title: s.getAttribute('data-title') || '', ...at(s) })),
      };
    });
  const failed = [];
  document.fonts.forEach((f) => { if (f.status === 'error') failed.push(f.family); });
  return {
    pages: pages.length,
    blocks: blocks.length,
    missing,
    failedFonts: Array.from(new Set(failed)),
    layout: findLayout(document),
    contentPages,
    imprintPage,
    imprintTop,
    numberless: numberless.map((p) => pages.indexOf(p)),
    outline,
  };
}`;

/** A bookmark as the page reports it: offsets in CSS pixels from the page's top. */
export interface OutlineEntry {
  title: string;
  page: number;
  top: number;
  children?: OutlineEntry[];
}

/** What the page script reports back. */
export interface PaginationReport {
  pages: number;
  blocks: number;
  /** Text of the blocks not found in the paginated pages. */
  missing: string[];
  /** Font families some of whose files failed to load (an official face not installed is not a failure). */
  failedFonts: string[];
  /** Pages holding the text, before any page added for the imprint. */
  contentPages: number;
  /** 0-based page of the imprint (版记), or -1 when there is none. */
  imprintPage: number;
  /** Top of the imprint on its page, CSS pixels from the page's top. */
  imprintTop: number;
  /** 0-based pages printed without a page number. */
  numberless: number[];
  outline: OutlineEntry[];
  /** Lone lines and lone source lines (layout-findings.ts). */
  layout: LayoutReport;
}

/** Where the imprint landed (in points), and which pages carry no number: what the booklet needs. */
export interface PrintLayout {
  /** Pages holding the text. */
  contentPages: number;
  /** 0-based page of the imprint, or -1. */
  imprintPage: number;
  /** Top of the imprint on its page, points from the page's top. */
  imprintTop: number;
  /** 0-based pages without a page number. */
  numberless: number[];
}
