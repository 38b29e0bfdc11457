import { createHash, randomUUID } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHeader,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRawStream,
  type PDFRef,
  PDFStream,
  PDFString,
  ParseSpeeds,
  decodePDFRawStream,
} from 'pdf-lib';
import { type ColourMap, rewriteColours } from './pdf-colour.js';
import { documentFacts, type PdfFont } from './pdf-facts.js';
import { pushAll } from '../util/append.js';

/** A4 in points, exactly: 210 × 297 mm. */
export const A4: readonly [number, number] = [(210 / 25.4) * 72, (297 / 25.4) * 72];

/** One bookmark: its title, the page (0-based) and the distance of its top from the page's top, in points. */
export interface OutlineItem {
  title: string;
  page: number;
  top: number;
  children?: OutlineItem[];
}

/** The output intent of a press PDF: a CMYK ICC profile and the printing condition it describes. */
export interface OutputIntent {
  profile: Uint8Array;
  /** Registered name of the condition, e.g. `CGATS TR 001` (SWOP). */
  identifier: string;
  /** Human-readable description. */
  info: string;
}

export interface FinishOptions {
  /** `press`: CMYK, PDF/X-4; `screen`: Chromium's RGB, for e-mail. */
  mode: 'press' | 'screen';
  colours: ColourMap;
  /** Without one, a press PDF is CMYK but does not claim PDF/X. */
  intent?: OutputIntent | undefined;
  /** An sRGB ICC profile: RGB images of a press PDF are tagged with it (PDF/X-4 allows ICC-based RGB). */
  srgb?: Uint8Array | undefined;
  info: { title: string; subject: string; author: string; keywords: string; creator: string };
  outline: readonly OutlineItem[];
  /** What the masthead (the H1) reads as when text is extracted or searched. */
  mastheadText?: string;
  /** Every page's size in points: A4 unless given (the A3 booklet). */
  pageSize?: readonly [number, number];
}

/** What was done, for tests and reports. */
export interface FinishReport {
  /** RGB colour operators rewritten to CMYK. */
  colourOperators: number;
  pdfx: boolean;
  pages: number;
  fonts: PdfFont[];
}

const utf16 = (s: string) => PDFHexString.fromText(s);
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function decodeStream(stream: PDFRawStream): string {
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (filter === undefined) return Buffer.from(stream.contents).toString('latin1');
  if (filter === PDFName.of('FlateDecode')) return inflateSync(stream.contents).toString('latin1');
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

/** ICC profiles compressed once per process: they are the same in every PDF. */
const compressedProfiles = new WeakMap<Uint8Array, Buffer>();

function profileStream(doc: PDFDocument, profile: Uint8Array, components: number): PDFRawStream {
  let bytes = compressedProfiles.get(profile);
  if (!bytes) compressedProfiles.set(profile, (bytes = deflateSync(profile, { level: 9 })));
  const dict = doc.context.obj({ N: components, Filter: 'FlateDecode', Length: bytes.length }) as PDFDict;
  return PDFRawStream.of(dict, bytes);
}

function flateStream(doc: PDFDocument, text: string, extra: Record<string, unknown> = {}): PDFRawStream {
  const bytes = deflateSync(Buffer.from(text, 'latin1'), { level: 6 });
  const dict = doc.context.obj({ ...extra, Filter: 'FlateDecode', Length: bytes.length }) as PDFDict;
  return PDFRawStream.of(dict, bytes);
}

/** The content streams of a page, by reference (Contents is one stream or an array of them). */
function contentRefs(page: PDFDict): PDFRef[] {
  const contents = page.get(PDFName.of('Contents'));
  if (contents instanceof PDFArray) return contents.asArray() as PDFRef[];
  return contents ? [contents as PDFRef] : [];
}

/** The MCIDs and page of the first structure element of type `type` (the masthead's H1). */
function findStructElement(doc: PDFDocument, type: string): { mcids: number[]; page?: PDFRef } | undefined {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return undefined;
  const lookup = (o: unknown) =>
    o && typeof o === 'object' && 'objectNumber' in o ? doc.context.lookup(o as PDFRef) : o;
  const kids = (k: unknown): unknown[] => {
    const v = lookup(k);
    return v instanceof PDFArray ? v.asArray().map(lookup) : v === undefined ? [] : [v];
  };
  const collect = (elem: PDFDict, into: number[]) => {
    for (const kid of kids(elem.get(PDFName.of('K')))) {
      if (kid instanceof PDFNumber) into.push(kid.asNumber());
      else if (kid instanceof PDFDict) {
        const mcid = kid.get(PDFName.of('MCID'));
        if (mcid instanceof PDFNumber) into.push(mcid.asNumber());
        else if (kid.get(PDFName.of('S'))) collect(kid, into);
      }
    }
  };
  const stack = kids(root.get(PDFName.of('K')));
  while (stack.length > 0) {
    const elem = stack.shift();
    if (!(elem instanceof PDFDict)) continue;
    if (elem.get(PDFName.of('S')) === PDFName.of(type)) {
      const mcids: number[] = [];
      collect(elem, mcids);
      const page = elem.get(PDFName.of('Pg')) as PDFRef | undefined;
      return page ? { mcids, page } : { mcids };
    }
    pushAll(stack, kids(elem.get(PDFName.of('K'))));
  }
  return undefined;
}

function pdfDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(
    d.getUTCMinutes(),
  )}${p(d.getUTCSeconds())}Z`;
}

const PDFX_XMP = '<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>';

function xmpPacket(options: FinishOptions, pdfx: boolean, producer: string, at: Date, id: string): string {
  const { info } = options;
  const iso = at.toISOString().replace(/\.\d+Z$/, 'Z');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"${
   pdfx ? ' xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"' : ''
 }>
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:creator><rdf:Seq><rdf:li>${xml(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>
<xmp:CreatorTool>${xml(info.creator)}</xmp:CreatorTool>
<xmp:CreateDate>${iso}</xmp:CreateDate>
<xmp:ModifyDate>${iso}</xmp:ModifyDate>
<xmp:MetadataDate>${iso}</xmp:MetadataDate>
<pdf:Producer>${xml(producer)}</pdf:Producer>
<pdf:Keywords>${xml(info.keywords)}</pdf:Keywords>
<pdf:Trapped>False</pdf:Trapped>
<xmpMM:DocumentID>uuid:${id}</xmpMM:DocumentID>
<xmpMM:InstanceID>uuid:${randomUUID()}</xmpMM:InstanceID>
<xmpMM:VersionID>1</xmpMM:VersionID>
<xmpMM:RenditionClass>default</xmpMM:RenditionClass>${pdfx ? `\n${PDFX_XMP}` : ''}
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** Replaces the document outline with ours: one entry per article, one child per county section. */
function writeOutline(doc: PDFDocument, items: readonly OutlineItem[], pages: PDFRef[], height: number): void {
  const { context } = doc;
  if (items.length === 0) {
    doc.catalog.delete(PDFName.of('Outlines'));
    return;
  }
  const rootRef = context.nextRef();
  const build = (list: readonly OutlineItem[], parent: PDFRef): { refs: PDFRef[]; count: number } => {
    const refs = list.map(() => context.nextRef());
    let count = list.length;
    list.forEach((item, i) => {
      const page = pages[Math.min(item.page, pages.length - 1)];
      const dict: Record<string, unknown> = {
        Title: utf16(item.title),
        Parent: parent,
        Dest: [page, 'XYZ', 0, Math.round((height - item.top) * 100) / 100, PDFNull],
      };
      if (i > 0) dict.Prev = refs[i - 1];
      if (i < refs.length - 1) dict.Next = refs[i + 1];
      const ref = refs[i] as PDFRef;
      if (item.children && item.children.length > 0) {
        const sub = build(item.children, ref);
        dict.First = sub.refs[0];
        dict.Last = sub.refs[sub.refs.length - 1];
        dict.Count = sub.count;
        count += sub.count;
      }
      context.assign(ref, context.obj(dict as never));
    });
    return { refs, count };
  };
  const top = build(items, rootRef);
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: top.refs[0], Last: top.refs[top.refs.length - 1], Count: top.count }),
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/**
 * Finishes a PDF as Chromium printed it: exact A4 boxes, yongzu's metadata
 * and bookmarks, the masthead's ActualText; for the press, every colour
 * operator in CMYK (text and rules K only, the red as configured), and the
 * PDF/X-4 keys (output intent with its ICC profile, TrimBox and BleedBox,
 * Trapped, GTS_PDFXVersion, XMP). Chromium's tagged structure and its fonts
 * are kept untouched.
 */
export async function finishPdf(
  bytes: Uint8Array,
  options: FinishOptions,
): Promise<{ pdf: Uint8Array; report: FinishReport }> {
  // Parsing and writing without yielding to the event loop every 50 objects (pdf-lib's default): 3× faster.
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const { context } = doc;
  const press = options.mode === 'press';
  const pdfx = press && options.intent !== undefined;
  const [width, height] = options.pageSize ?? A4;
  let colourOperators = 0;
  const pages = doc.getPages();
  const pageRefs = pages.map((p) => p.ref);
  const masthead = options.mastheadText ? findStructElement(doc, 'H1') : undefined;
  const mastheadPage = masthead?.page ?? pageRefs[0];
  const box = context.obj([0, 0, Math.round(width * 1000) / 1000, Math.round(height * 1000) / 1000]);

  for (const page of pages) {
    const node = page.node;
    const media = node
      .MediaBox()
      .asArray()
      .map((n) => (n as PDFNumber).asNumber());
    const oldHeight = media[3] ?? height;
    for (const ref of contentRefs(node)) {
      const stream = context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      let text = decodeStream(stream);
      // Chromium's first operator flips the y axis about the page's top: keep the top where it was.
      text = text.replace(/^(\s*\S+ 0 0 -\S+ 0 )(\S+)( cm)/, (m, a: string, ty: string, c: string) =>
        Math.abs(Number(ty) - oldHeight) < 0.01 ? `${a}${(Math.round(height * 10000) / 10000).toString()}${c}` : m,
      );
      if (press) {
        const rewritten = rewriteColours(text, options.colours);
        text = rewritten.text;
        colourOperators += rewritten.count;
      }
      if (masthead && options.mastheadText && page.ref === mastheadPage && masthead.mcids.length === 1) {
        const mcid = masthead.mcids[0];
        const actual = utf16(options.mastheadText).toString();
        text = text.replace(
          new RegExp(`/\\w+(\\s*<<\\s*/MCID ${mcid})(\\s*>>\\s*BDC)`),
          // Poppler reads ActualText on Span sequences only; the tag of a sequence in the stream is free (the
          // structure tree gives the element type).
          (_m, a: string, b: string) => `/Span${a} /ActualText ${actual}${b}`,
        );
      }
      context.assign(ref, flateStream(doc, text));
    }
    node.set(PDFName.of('MediaBox'), box);
    node.delete(PDFName.of('CropBox'));
    if (press) {
      node.set(PDFName.of('TrimBox'), box);
      node.set(PDFName.of('BleedBox'), box);
    }
  }

  if (press) {
    // Form XObjects carry content of their own; images in DeviceRGB get the sRGB profile.
    let srgbRef: PDFRef | undefined;
    for (const [ref, object] of context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFStream)) continue;
      const dict = object.dict;
      const subtype = dict.get(PDFName.of('Subtype'));
      if (subtype === PDFName.of('Form') && object instanceof PDFRawStream) {
        const rewritten = rewriteColours(decodeStream(object), options.colours);
        colourOperators += rewritten.count;
        const replaced = flateStream(doc, rewritten.text);
        for (const [key, value] of dict.entries())
          if (key !== PDFName.of('Filter') && key !== PDFName.of('Length') && key !== PDFName.of('DecodeParms'))
            replaced.dict.set(key, value);
        context.assign(ref, replaced);
      } else if (subtype === PDFName.of('Image') && dict.get(PDFName.of('ColorSpace')) === PDFName.of('DeviceRGB')) {
        if (options.srgb) {
          srgbRef ??= context.register(profileStream(doc, options.srgb, 3));
          dict.set(PDFName.of('ColorSpace'), context.obj([PDFName.of('ICCBased'), srgbRef]));
        }
      }
      const group = dict.lookupMaybe(PDFName.of('Group'), PDFDict);
      if (group?.get(PDFName.of('CS')) === PDFName.of('DeviceRGB'))
        group.set(PDFName.of('CS'), PDFName.of('DeviceCMYK'));
    }
    for (const page of pages) {
      const group = page.node.lookupMaybe(PDFName.of('Group'), PDFDict);
      if (group?.get(PDFName.of('CS')) === PDFName.of('DeviceRGB'))
        group.set(PDFName.of('CS'), PDFName.of('DeviceCMYK'));
    }
  }

  if (pdfx && options.intent) {
    const profile = context.register(profileStream(doc, options.intent.profile, 4));
    const intent = context.obj({
      Type: 'OutputIntent',
      S: 'GTS_PDFX',
      OutputConditionIdentifier: PDFString.of(options.intent.identifier),
      RegistryName: PDFString.of('http://www.color.org'),
      Info: PDFString.of(options.intent.info),
      DestOutputProfile: profile,
    });
    doc.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));
  }

  writeOutline(doc, options.outline, pageRefs, height);

  // Document information, and the same in XMP (PDF/X-4 requires both to agree).
  const infoRef = context.trailerInfo.Info as PDFRef | undefined;
  const infoDict = (infoRef ? context.lookup(infoRef) : undefined) as PDFDict | undefined;
  const made = infoDict?.lookup(PDFName.of('Producer'));
  const maker = made instanceof PDFString || made instanceof PDFHexString ? made.decodeText() : 'Chromium';
  const producer = `${maker}; pdf-lib`;
  const at = new Date();
  const info = context.obj({
    Title: utf16(options.info.title),
    Subject: utf16(options.info.subject),
    Author: utf16(options.info.author),
    Keywords: utf16(options.info.keywords),
    Creator: utf16(options.info.creator),
    Producer: utf16(producer),
    CreationDate: PDFString.of(pdfDate(at)),
    ModDate: PDFString.of(pdfDate(at)),
    Trapped: PDFName.of('False'),
    ...(pdfx ? { GTS_PDFXVersion: PDFString.of('PDF/X-4') } : {}),
  });
  context.trailerInfo.Info = context.register(info);
  const id = createHash('sha256').update(options.info.title).update(options.info.subject).digest('hex');
  const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
  const xmp = Buffer.from(xmpPacket(options, pdfx, producer, at, uuid), 'utf8');
  const metadata = PDFRawStream.of(
    context.obj({ Type: 'Metadata', Subtype: 'XML', Length: xmp.length }) as PDFDict,
    xmp,
  );
  doc.catalog.set(PDFName.of('Metadata'), context.register(metadata));
  const idString = PDFHexString.of(id.slice(0, 32));
  context.trailerInfo.ID = context.obj([idString, idString]);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of('zh-CN'));
  context.header = PDFHeader.forVersion(1, pdfx ? 6 : 4);
  const facts = documentFacts(doc);
  const pdf = await doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  // pdf-lib writes a 1.7 header; PDF/X-4 asks for 1.6 at most (same length: no offset moves).
  if (pdfx) pdf.set(Buffer.from('%PDF-1.6', 'latin1'), 0);
  else pdf.set(Buffer.from('%PDF-1.4', 'latin1'), 0);
  return { pdf, report: { colourOperators, pdfx, ...facts } };
}
