import { PDFDocument } from 'pdf-lib';

/** A3 landscape in points: two A4 pages side by side. */
export const A3_LANDSCAPE: [number, number] = [1190.55, 841.89];

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
 * Imposes an A4 PDF for saddle-stitched A3 printing: pads it with blank pages
 * to a multiple of four, then places the pages 2-up on A3 landscape sides in
 * booklet order, ready to print duplex (flip on the short edge) and fold.
 */
export async function imposeBooklet(a4: Uint8Array): Promise<{ pdf: Uint8Array; sheets: number; blanks: number }> {
  const source = await PDFDocument.load(a4, { updateMetadata: false });
  const pages = source.getPageCount();
  const padded = Math.max(4, Math.ceil(pages / 4) * 4);
  const out = await PDFDocument.create();
  const embedded = await out.embedPdf(source, source.getPageIndices());
  const [width, height] = A3_LANDSCAPE;
  for (const [left, right] of bookletOrder(padded)) {
    const side = out.addPage([width, height]);
    for (const [index, x] of [
      [left, 0],
      [right, width / 2],
    ] as const) {
      const page = embedded[index];
      // A page past the end of the document is a blank: nothing to draw.
      if (page) side.drawPage(page, { x: x + (width / 2 - page.width) / 2, y: (height - page.height) / 2 });
    }
  }
  out.setTitle(source.getTitle() ?? '');
  return { pdf: await out.save(), sheets: padded / 4, blanks: padded - pages };
}
