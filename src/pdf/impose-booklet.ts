import { ParseSpeeds, PDFDocument, type PDFEmbeddedPage, type PDFPage } from 'pdf-lib';
import type { PrintLayout } from './page-script.js';

/** A3 landscape in points: two A4 pages side by side. */
export const A3_LANDSCAPE: [number, number] = [1190.55, 841.89];

const mm = (n: number) => (n / 25.4) * 72;
/**
 * Between the bottom of the type area (35 mm from the paper's bottom edge, where the imprint's last rule sits) and
 * the page number (its dashes 28 mm from the bottom): a cut here keeps the one and drops the other.
 */
const NUMBER_CUT = mm(32.5);

/**
 * The page order of a saddle-stitched booklet of `count` pages (a multiple of
 * four): for each A3 side, the page on the left and the one on the right,
 * 0-based. Sheet 1 front holds the last and the first page, its back the
 * second and the second-to-last, and so on inwards.
 */
export function bookletOrder(count: number): [number, number][] {
  const sides: [number, number][] = [];
  for (let i = 0; i < count / 2; i += 2) {
    sides.push([count - 1 - i, i]);
    sides.push([i + 1, count - 2 - i]);
  }
  return sides;
}

/**
 * One page of the booklet: an A4 page of the source, whole or a part of it,
 * or a blank (undefined). `part` cuts a page: `number-less` drops the page
 * number, `above-imprint` keeps all but the imprint, `imprint` only the imprint.
 */
export interface Slot {
  page: number;
  part?: 'number-less' | 'above-imprint' | 'imprint';
}

/**
 * The booklet's pages in reading order. With an imprint (版记), it goes on
 * the back cover, the last page of the booklet, and the blanks that pad the
 * booklet to a multiple of four come before it (GB/T 9704: the imprint is on
 * the document's last side). An imprint that shares its page with the text
 * is cut out of that page onto the back cover. A back cover after blank
 * pages carries no page number.
 */
export function bookletSlots(pages: number, layout?: PrintLayout): (Slot | undefined)[] {
  const padded = (n: number) => Math.max(4, Math.ceil(n / 4) * 4);
  if (!layout || layout.imprintPage < 0) {
    return Array.from({ length: padded(pages) }, (_, i) => (i < pages ? { page: i } : undefined));
  }
  const content = layout.contentPages;
  const shared = layout.imprintPage === content - 1;
  if (shared && content % 4 === 0) return Array.from({ length: content }, (_, i) => ({ page: i }));
  const total = padded(content + 1);
  const slots: (Slot | undefined)[] = Array.from({ length: content }, (_, i) => ({ page: i }));
  if (shared) slots[content - 1] = { page: content - 1, part: 'above-imprint' };
  while (slots.length < total - 1) slots.push(undefined);
  const blanksBefore = slots.length > content;
  slots.push(
    shared
      ? { page: content - 1, part: 'imprint' }
      : blanksBefore
        ? { page: layout.imprintPage, part: 'number-less' }
        : { page: layout.imprintPage },
  );
  return slots;
}

/** The parts of a source page a slot shows, as bounding boxes (PDF coordinates, y up). */
function boxes(page: PDFPage, slot: Slot, layout?: PrintLayout) {
  const { width, height } = page.getSize();
  const imprintTop = height - (layout?.imprintTop ?? 0);
  const box = (bottom: number, top: number) => ({ left: 0, right: width, bottom, top });
  switch (slot.part) {
    case 'number-less':
      return [box(NUMBER_CUT, height)];
    case 'imprint':
      return [box(NUMBER_CUT, imprintTop + 1)];
    case 'above-imprint':
      return [box(imprintTop + 1, height), box(0, NUMBER_CUT)];
    default:
      return [box(0, height)];
  }
}

/**
 * Imposes an A4 PDF for saddle-stitched A3 printing: pads it with blank pages
 * to a multiple of four (before the imprint's page, see bookletSlots), then
 * places the pages 2-up on A3 landscape sides in booklet order, ready to
 * print duplex (flip on the short edge) and fold.
 */
export async function imposeBooklet(
  a4: Uint8Array,
  layout?: PrintLayout,
): Promise<{ pdf: Uint8Array; sheets: number; blanks: number }> {
  const source = await PDFDocument.load(a4, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const pages = source.getPages();
  const slots = bookletSlots(pages.length, layout);
  const out = await PDFDocument.create();
  const [width, height] = A3_LANDSCAPE;
  const embedded = new Map<string, { part: PDFEmbeddedPage; left: number; bottom: number }[]>();
  const parts = async (slot: Slot) => {
    const id = `${slot.page}:${slot.part ?? ''}`;
    let found = embedded.get(id);
    if (!found) {
      const page = pages[slot.page] as PDFPage;
      found = await Promise.all(
        boxes(page, slot, layout).map(async (b) => ({
          part: await out.embedPage(page, b),
          left: b.left,
          bottom: b.bottom,
        })),
      );
      embedded.set(id, found);
    }
    return found;
  };
  for (const [left, right] of bookletOrder(slots.length)) {
    const side = out.addPage([width, height]);
    for (const [index, x] of [
      [left, 0],
      [right, width / 2],
    ] as const) {
      const slot = slots[index];
      // A blank: nothing to draw.
      if (!slot) continue;
      const source = pages[slot.page] as PDFPage;
      const size = source.getSize();
      const dx = x + (width / 2 - size.width) / 2;
      const dy = (height - size.height) / 2;
      for (const { part, left: l, bottom } of await parts(slot)) side.drawPage(part, { x: dx + l, y: dy + bottom });
    }
  }
  out.setTitle(source.getTitle() ?? '');
  const blanks = slots.filter((s) => s === undefined).length;
  return { pdf: await out.save({ objectsPerTick: Infinity }), sheets: slots.length / 4, blanks };
}
