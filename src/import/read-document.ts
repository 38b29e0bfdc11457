import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import mammoth from 'mammoth';
import type { Root as MdastRoot, Paragraph, PhrasingContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { decodeSource } from '../load/decode.js';
import { parseSubmission } from '../load/parse-submission.js';
import { notUtf8 } from '../rules/encoding/not-utf8.js';
import { importDamaged } from '../rules/import/damaged.js';
import { importEmpty } from '../rules/import/empty.js';
import { importImagesDropped } from '../rules/import/images-dropped.js';
import { importNotFound } from '../rules/import/not-found.js';
import { importUndecodable } from '../rules/import/undecodable.js';
import { importUnsupported } from '../rules/import/unsupported.js';
import type { Rule } from '../rules/rule.js';

/** A county's document turned into Markdown, with the title found in it. */
export interface ImportedDocument {
  title: string | undefined;
  markdown: string;
}

const htmlToMdast = unified().use(rehypeParse, { fragment: true }).use(rehypeRemark);
const toMarkdown = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', fences: true });

/**
 * Reads a `.docx` (mammoth → HTML → Markdown, keeping paragraphs, lists and
 * tables, dropping images) or a `.txt`/`.md` file in UTF-8 or GB18030.
 * Damaged or unsupported files give an error and no document.
 */
export async function readDocument(
  path: string,
  shown: string,
): Promise<{ value?: ImportedDocument; diagnostics: Diagnostic[] }> {
  const ext = extname(path).toLowerCase();
  const fail = (rule: Rule, message: string) => ({ diagnostics: [rule.report(shown, undefined, message)] });
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return fail(importNotFound, `找不到文件「${shown}」，请核对路径。`);
  }
  if (ext === '.docx') return readDocx(bytes, shown, fail);
  if (ext === '.txt' || ext === '.md' || ext === '.markdown') {
    const decoded = decodeSource(bytes);
    if (!decoded.ok)
      return fail(
        importUndecodable,
        '无法读取这个文本文件：它不是 UTF-8 或 GB18030/GBK 编码的文字。请用记事本或 WPS 另存为 UTF-8 后再导入。',
      );
    const diagnostics: Diagnostic[] = [];
    if (decoded.encoding !== 'utf-8')
      diagnostics.push(
        notUtf8.report(
          shown,
          undefined,
          `原文件编码为 ${decoded.encoding === 'gb18030' ? 'GB18030/GBK' : 'UTF-16'}，已转换为 UTF-8。`,
        ),
      );
    return { value: ext === '.txt' ? fromText(decoded.text) : fromMarkdown(decoded.text, shown), diagnostics };
  }
  if (ext === '.doc' || ext === '.wps')
    return fail(importUnsupported, `不支持旧版 ${ext} 文件：请在 Word 或 WPS 中「另存为」.docx 后再导入。`);
  return fail(importUnsupported, `不支持「${ext || '无扩展名'}」文件：可导入 .docx、.txt 或 .md。`);
}

async function readDocx(
  bytes: Buffer,
  shown: string,
  fail: (rule: Rule, message: string) => { diagnostics: Diagnostic[] },
) {
  let images = 0;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        convertImage: mammoth.images.imgElement(async () => {
          images++;
          return { src: '' };
        }),
      },
    );
    html = result.value;
  } catch {
    return fail(
      importDamaged,
      '这个 Word 文件已损坏或不是真正的 .docx，无法读取。请在 Word/WPS 中打开后重新「另存为」.docx。',
    );
  }
  const tree = htmlToMdast.runSync(htmlToMdast.parse(html)) as MdastRoot;
  dropImages(tree);
  const title = takeBoldTitle(tree) ?? takeFirstSentence(tree);
  const diagnostics: Diagnostic[] = [];
  if (images > 0)
    diagnostics.push(
      importImagesDropped.report(shown, undefined, `文件中的 ${images} 张图片没有导入（刊物只收文字）。`),
    );
  if (mdastToString(tree).trim() === '') return fail(importEmpty, 'Word 文件中没有文字。');
  return { value: { title, markdown: String(toMarkdown.stringify(tree)) }, diagnostics };
}

/** Plain text: one paragraph per non-empty line; a short first line without final punctuation is the title. */
function fromText(text: string): ImportedDocument {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter(Boolean);
  let title: string | undefined;
  if (lines.length > 1 && lines[0]!.length <= 40 && !/[。！？；，]$/.test(lines[0]!)) title = lines.shift();
  else if (lines.length > 0) {
    const m = /^(.{4,60}?)。/.exec(lines[0]!);
    if (m) {
      title = m[1];
      lines[0] = lines[0]!.slice(m[0].length);
      if (lines[0] === '') lines.shift();
    }
  }
  return { title, markdown: lines.join('\n\n') };
}

/** Markdown: front-matter, if any, is dropped (its title kept); the body is taken as it is. */
function fromMarkdown(text: string, shown: string): ImportedDocument {
  if (!text.startsWith('---')) return fromText(text);
  const parsed = parseSubmission(text, shown);
  const title = parsed.value.front?.data?.['title'];
  return { title: typeof title === 'string' ? title : undefined, markdown: parsed.value.body.trim() };
}

function dropImages(tree: MdastRoot): void {
  const walk = (node: { children?: unknown[] }) => {
    if (!node.children) return;
    node.children = node.children.filter((c) => (c as { type: string }).type !== 'image');
    for (const c of node.children) walk(c as { children?: unknown[] });
  };
  walk(tree);
  tree.children = tree.children.filter((c) => !(c.type === 'paragraph' && c.children.length === 0));
}

/** A first paragraph set entirely in bold is the title; it is removed from the body. */
function takeBoldTitle(tree: MdastRoot): string | undefined {
  const first = tree.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const kids = first.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (kids.length === 0 || !kids.every((c) => c.type === 'strong')) {
    // A bold run-in lead sentence: **title。** body…
    const lead = first.children[0];
    if (lead?.type === 'strong' && /。$/.test(mdastToString(lead))) {
      first.children.shift();
      trimStart(first);
      return mdastToString(lead).replace(/。$/, '');
    }
    return undefined;
  }
  tree.children.shift();
  return mdastToString(first)
    .trim()
    .replace(/[。.]$/, '');
}

/** The first sentence of the first paragraph, removed from it. */
function takeFirstSentence(tree: MdastRoot): string | undefined {
  const first = tree.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const head = first.children[0];
  if (head?.type !== 'text') return undefined;
  const m = /^\s*(.{4,60}?)。/.exec(head.value);
  if (!m) return undefined;
  head.value = head.value.slice(m[0].length);
  trimStart(first);
  if (mdastToString(first).trim() === '') tree.children.shift();
  return m[1]!.trim();
}

function trimStart(p: Paragraph): void {
  const head = p.children[0] as PhrasingContent | undefined;
  if (head?.type === 'text') head.value = head.value.replace(/^[\s\u3000]+/, '');
}
