import { ParseSpeeds, PDFDict, PDFDocument, PDFName } from 'pdf-lib';

/** A font as the PDF declares it. */
export interface PdfFont {
  /** BaseFont without the subset prefix, e.g. NotoSerifSC-Regular. */
  name: string;
  /** Type0, CIDFontType2, TrueType, Type3… */
  subtype: string;
  embedded: boolean;
}

/** Page count and fonts of a PDF, read with pdf-lib. */
export async function readPdfFacts(bytes: Uint8Array): Promise<{ pages: number; fonts: PdfFont[] }> {
  return documentFacts(await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }));
}

/** Page count and fonts of a loaded PDF. */
export function documentFacts(doc: PDFDocument): { pages: number; fonts: PdfFont[] } {
  const fonts: PdfFont[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    if (object.get(PDFName.of('Type'))?.toString() !== '/Font') continue;
    const subtype = object.get(PDFName.of('Subtype'))?.toString().slice(1) ?? '?';
    // A Type0 font points at its CIDFont descendant, which carries the file.
    if (subtype === 'Type0') continue;
    const base = object.get(PDFName.of('BaseFont'))?.toString().slice(1) ?? '(unnamed)';
    const descriptor = object.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const embedded =
      subtype === 'Type3' ||
      ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor?.has(PDFName.of(k)) ?? false);
    fonts.push({ name: base.replace(/^[A-Z]{6}\+/, ''), subtype, embedded });
  }
  return { pages: doc.getPageCount(), fonts };
}

/** `NotoSerifSC-Regular (CIDFontType2)`: one line per distinct font, for reports. */
export function describeFonts(fonts: readonly PdfFont[]): string[] {
  return [...new Set(fonts.map((f) => `${f.name} (${f.subtype}${f.embedded ? '' : ', not embedded'})`))].sort();
}
