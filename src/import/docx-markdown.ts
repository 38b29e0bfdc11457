import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import mammoth from 'mammoth';
import type { Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { unified } from 'unified';
import { toCleanMarkdown } from './clean-markdown.js';
import { type FoundSignOff, findSignOff } from './find-sign-off.js';
import { levelHeadings, tidyTree } from './tidy-tree.js';

/** What the import found besides the text, for the editor to hear about. */
export interface ImportFindings {
  /** Images left out. */
  images: number;
  /** The text of captions next to those images (kept in the body), as the body shows them. */
  captions: string[];
  /** A byline or dateline taken out of the body into `author`. */
  signOff?: FoundSignOff;
  /** Paragraphs whose bold or italic could not be written as Markdown and was left out. */
  unformatted: number;
}

/** A Word document as Markdown, with the title and author found in it. */
export interface ConvertedDocument {
  title: string | undefined;
  author: string | undefined;
  markdown: string;
  findings: ImportFindings;
}

/**
 * Word's style names (English, as Word stores built-in styles, and the Chinese
 * names WPS and Chinese templates give them): the title styles and 标题 1
 * become the title (h1), 标题 2–4 headings, 题注/Caption a caption.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  "p[style-name='标题 1'] => h1:fresh",
  "p[style-name='标题1'] => h1:fresh",
  "p[style-name='标题 2'] => h2:fresh",
  "p[style-name='标题2'] => h2:fresh",
  "p[style-name='标题 3'] => h3:fresh",
  "p[style-name='标题3'] => h3:fresh",
  "p[style-name='标题 4'] => h4:fresh",
  "p[style-name='标题4'] => h4:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='caption'] => p.caption:fresh",
  "p[style-name='题注'] => p.caption:fresh",
];

const htmlToMdast = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark);

/** Thrown when mammoth cannot read the file (damaged, or not a real .docx). */
export class DocxUnreadable extends Error {}

/**
 * A .docx as clean Markdown (mammoth → HTML → mdast → Markdown): the title
 * from its title style (标题 1, 标题, Title) or, when `title` is not given,
 * from the old heuristics (a bold first paragraph, a bold lead sentence, the
 * first sentence); a byline or dateline into `author`; images counted and
 * dropped, the captions beside them noted.
 */
export async function convertDocx(bytes: Buffer, options: { title?: string } = {}): Promise<ConvertedDocument> {
  let images = 0;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        styleMap: STYLE_MAP,
        convertImage: mammoth.images.imgElement(async () => {
          images++;
          return { src: '' };
        }),
      },
    );
    html = result.value;
  } catch {
    throw new DocxUnreadable();
  }
  const hast = htmlToMdast.parse(html) as HastRoot;
  const captions = findCaptions(hast);
  const tree = htmlToMdast.runSync(hast) as Root;
  dropImages(tree);
  tidyTree(tree);
  const title = takeTitle(tree, options.title);
  const signOff = takeSignOff(tree);
  levelHeadings(tree);
  const { markdown, unformatted } = toCleanMarkdown(tree);
  return {
    title,
    author: signOff?.author,
    markdown,
    findings: {
      images,
      captions: captions.filter((c) => markdown.includes(c)),
      ...(signOff ? { signOff } : {}),
      unformatted,
    },
  };
}

const elementText = (n: HastContent | Element): string =>
  n.type === 'text' ? n.value : 'children' in n ? n.children.map((c) => elementText(c as HastContent)).join('') : '';
const hasImage = (n: HastContent): boolean =>
  n.type === 'element' && (n.tagName === 'img' || n.children.some((c) => hasImage(c as HastContent)));
/** What a caption starts with when Word's 题注 style was not used: 图、图为、照片、▲. */
const CAPTION_START = /^[\s\u3000]*(?:[▲△↑]|图\s*\d|图[为：:]|照片|（图|\(图)/u;

/**
 * The captions of the images: a paragraph in Word's caption style, or a
 * short one right before or after an image paragraph that starts as captions
 * do (图为…, ▲…), or the text beside the image in its own paragraph.
 */
function findCaptions(hast: HastRoot): string[] {
  const blocks = hast.children.filter((c): c is Element => c.type === 'element');
  const out: string[] = [];
  const add = (text: string) => {
    const t = text.trim().replace(/[\s\u3000]+/gu, ' ');
    if (t !== '' && t.length <= 80 && !out.includes(t)) out.push(t);
  };
  blocks.forEach((block, i) => {
    const classes = block.properties?.['className'];
    if (Array.isArray(classes) && classes.includes('caption')) add(elementText(block));
    if (!hasImage(block)) return;
    const own = elementText(block).trim();
    if (own !== '') add(own);
    for (const near of [blocks[i + 1], blocks[i - 1]]) {
      if (near?.tagName === 'p' && !hasImage(near) && CAPTION_START.test(elementText(near))) add(elementText(near));
    }
  });
  return out;
}

function dropImages(tree: Root): void {
  const walk = (node: Nodes) => {
    if (!('children' in node)) return;
    const kept = (node.children as Nodes[]).filter((c) => c.type !== 'image' && c.type !== 'imageReference');
    node.children = kept as never;
    for (const c of kept) walk(c);
  };
  walk(tree);
  tree.children = tree.children.filter((c) => !(c.type === 'paragraph' && textOf(c).trim() === ''));
}

/**
 * The title: the first block when it is set in a title style (an h1); else,
 * unless the editor gave one, a bold first paragraph, a bold lead sentence
 * that is not a 一是 lead-in, or the first sentence. What is taken is removed
 * from the body; with a title given, a styled title that is the same text is
 * removed, and nothing else.
 */
function takeTitle(tree: Root, given: string | undefined): string | undefined {
  const first = tree.children[0];
  if (first?.type === 'heading' && first.depth === 1) {
    const styled = textOf(first)
      .trim()
      .replace(/[。.]$/, '');
    if (given === undefined || given.replace(/[。.]$/, '') === styled) {
      tree.children.shift();
      return styled;
    }
    return undefined;
  }
  if (given !== undefined) return undefined;
  return takeBoldTitle(tree) ?? takeFirstSentence(tree);
}

/** 一是、（一）、1. and the like: the lead-in of a point, never a title. */
const POINT_LEAD = /^(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[）)、.．]|首先|其次|再次|最后)/;

/** A first paragraph set entirely in bold is the title; so is a bold lead sentence that is not a point's lead-in. */
function takeBoldTitle(tree: Root): string | undefined {
  const first = tree.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const kids = first.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (kids.length > 0 && kids.every((c) => c.type === 'strong')) {
    tree.children.shift();
    return textOf(first)
      .trim()
      .replace(/[。.]$/, '');
  }
  // A bold run-in lead sentence: **title。** body…
  const lead = first.children[0];
  const text = lead ? textOf(lead) : '';
  if (lead?.type === 'strong' && /。$/.test(text) && !POINT_LEAD.test(text)) {
    first.children.shift();
    trimStart(first);
    return text.replace(/。$/, '');
  }
  return undefined;
}

/** The first sentence of the first paragraph, unless it is a point's lead-in, removed from it. */
function takeFirstSentence(tree: Root): string | undefined {
  const first = tree.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const head = first.children[0];
  if (head?.type !== 'text') return undefined;
  const m = /^\s*(.{4,60}?)。/.exec(head.value);
  if (!m || POINT_LEAD.test(m[1]!)) return undefined;
  head.value = head.value.slice(m[0].length);
  trimStart(first);
  if (textOf(first).trim() === '') tree.children.shift();
  return m[1]!.trim();
}

function trimStart(p: Paragraph): void {
  const head = p.children[0] as PhrasingContent | undefined;
  if (head?.type === 'text') head.value = head.value.replace(/^[\s\u3000]+/, '');
}

/** A byline or dateline paragraph (find-sign-off.ts), taken out of the body. */
function takeSignOff(tree: Root): FoundSignOff | undefined {
  const texts = tree.children.map((b) => (b.type === 'paragraph' ? textOf(b) : undefined));
  const found = findSignOff(texts);
  if (found) tree.children.splice(found.index, found.count);
  return found;
}
