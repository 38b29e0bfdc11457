import type { LayoutFinding } from '../model/page-counts.js';
import type { IssueModel } from '../model/issue-model.js';

/**
 * What an editor must see in a paged layout: a paragraph with a single line
 * on a page (its first line alone at a page's foot, or its last line alone at
 * a page's head) and a page that holds only an article's source line
 * (（综合……情况）). Found in the paged DOM of Paged.js, which splits an
 * element across pages into fragments marked data-split-to (the part before
 * the break) and data-split-from (the part after); the line boxes of a
 * fragment are counted from the client rects of its text.
 *
 * Kept as source text (as page-script.ts keeps its code): the PDF's page
 * script and the dev print preview both run it in the browser. It only reads
 * the DOM; the preview passes `mark` to flag the elements it found.
 */
export const FIND_LAYOUT_JS = `function findLayout(root, mark) {
  const squash = (s) => (s || '').replace(/\\s+/g, '');
  const pages = Array.from(root.querySelectorAll('.pagedjs_page'));
  const lines = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const boxes = [];
    for (const r of Array.from(range.getClientRects())) {
      if (r.width < 0.5 || r.height < 0.5) continue;
      const mid = (r.top + r.bottom) / 2;
      if (!boxes.some((b) => mid > b.top && mid < b.bottom)) boxes.push({ top: r.top, bottom: r.bottom });
    }
    return boxes.length;
  };
  const sections = [];
  for (const s of Array.from(root.querySelectorAll('.county-section'))) {
    const ref = s.getAttribute('data-ref') || s;
    if (!sections.includes(ref)) sections.push(ref);
  }
  const where = (el) => {
    const s = el.closest('.county-section');
    const ref = el.getAttribute('data-ref');
    // A fragment after a break has lost the paragraph's start: its first fragment has it.
    const whole = ref ? root.querySelector('[data-ref="' + ref + '"]') || el : el;
    return {
      section: s ? sections.indexOf(s.getAttribute('data-ref') || s) : -1,
      text: squash(whole.textContent).slice(0, 40),
    };
  };
  const leaves = 'p, li, h1, h2, h3, h4, h5, h6, td, th, pre, blockquote';
  const findings = [];
  pages.forEach((page, i) => {
    const content = page.querySelector('.pagedjs_page_content');
    if (!content) return;
    for (const el of Array.from(content.querySelectorAll('p, li'))) {
      if (el.querySelector('p, li') || el.closest('.imprint, .masthead')) continue;
      const to = el.hasAttribute('data-split-to');
      const from = el.hasAttribute('data-split-from');
      if (to === from) continue;
      if (lines(el) !== 1) continue;
      findings.push({ kind: to ? 'first-line' : 'last-line', page: i + 1, ...where(el) });
      if (mark) mark(el, findings[findings.length - 1]);
    }
    const texts = Array.from(content.querySelectorAll(leaves)).filter(
      (el) => !el.querySelector(leaves) && !el.closest('.imprint') && squash(el.textContent) !== '',
    );
    if (texts.length === 1 && texts[0].matches('.source')) {
      findings.push({ kind: 'source-alone', page: i + 1, ...where(texts[0]) });
      if (mark) mark(texts[0], findings[findings.length - 1]);
    }
  });
  return { pages: pages.length, findings };
}`;

/** A finding as the browser reports it: the section by its index in the issue, the paragraph by its start. */
export interface RawFinding {
  kind: LayoutFinding['kind'];
  page: number;
  /** Index of the county section in the issue (document order), -1 outside one. */
  section: number;
  /** The paragraph's first characters, whitespace removed. */
  text: string;
}

/** What findLayout returns. */
export interface LayoutReport {
  pages: number;
  findings: RawFinding[];
}

const squash = (s: string) => s.replace(/\s+/g, '');
/** Markdown marks that do not show in the page, removed before a body line is compared to the page's text. */
const MARKS = /[*_`~>#]|^\s*(?:[-+]|\d+[.)])\s+/g;

/**
 * The findings with the file and line they concern: the section's file, and
 * the body line where the paragraph starts when its first characters are
 * found there (else the body's first line). A source line is placed on the
 * last line of the article's last section.
 */
export function placeFindings(issue: IssueModel, report: LayoutReport): LayoutFinding[] {
  const sections = issue.articles.flatMap((a) => a.sections);
  const issueFile = `issues/${issue.folder}/issue.yml`;
  return report.findings.map((f): LayoutFinding => {
    const section = sections[f.section];
    const excerpt = f.text.slice(0, 20);
    if (!section || f.kind === 'source-alone') {
      // The source line follows the article's last section: placed on that file's last line.
      const article = issue.articles.find((a) => squash(a.source).slice(0, 40) === f.text);
      const last = article?.sections.at(-1);
      if (!last) return { kind: f.kind, page: f.page, file: issueFile, line: 1, excerpt };
      const body = last.body.replace(/\s+$/, '').split('\n');
      return { kind: f.kind, page: f.page, file: last.file, line: last.bodyLine + body.length - 1, excerpt };
    }
    let text = f.text;
    const title = squash(`${section.title}。`);
    if (section.title && text.startsWith(title)) text = text.slice(title.length);
    const probe = text.slice(0, 8);
    const lines = section.body.split('\n');
    const at = probe === '' ? -1 : lines.findIndex((l) => squash(l.replace(MARKS, '')).includes(probe));
    return {
      kind: f.kind,
      page: f.page,
      file: section.file,
      line: section.bodyLine + Math.max(at, 0),
      excerpt: (text || f.text).slice(0, 20),
    };
  });
}

const KINDS: readonly string[] = ['first-line', 'last-line', 'source-alone'];
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/**
 * A layout report sent by a browser (dev's print preview), checked field by
 * field: undefined unless it is exactly what findLayout returns, within
 * sane bounds. Nothing else of it is kept.
 */
export function parseLayoutReport(value: unknown): LayoutReport | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { pages, findings } = value as { pages?: unknown; findings?: unknown };
  if (!isInt(pages, 1, 1000) || !Array.isArray(findings) || findings.length > 200) return undefined;
  const out: RawFinding[] = [];
  for (const f of findings as unknown[]) {
    if (typeof f !== 'object' || f === null) return undefined;
    const { kind, page, section, text } = f as Record<string, unknown>;
    if (typeof kind !== 'string' || !KINDS.includes(kind) || !isInt(page, 1, pages) || !isInt(section, -1, 10_000))
      return undefined;
    if (typeof text !== 'string' || text.length > 40) return undefined;
    out.push({ kind: kind as RawFinding['kind'], page, section, text });
  }
  return { pages, findings: out };
}
