import { extname } from 'node:path';
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
import { convertToDocx } from './convert-legacy.js';
import { convertDocx, DocxUnreadable, type ImportFindings } from './docx-markdown.js';
import { findSignOff } from './find-sign-off.js';
import { importTooLarge } from '../rules/import/too-large.js';
import { importUnreadable } from '../rules/import/unreadable.js';
import { readBounded } from '../load/read-source.js';
import { MAX_FILE_BYTES } from '../model/limits.js';
import { checkZipBudget } from './zip-budget.js';

/** A Word file larger than this is refused unread: photos make a county's file a few MB, never this. */
export const MAX_DOCX_BYTES = 64 * 1024 * 1024;
/**
 * What the text of a .docx (its XML, images aside) may inflate to: a write-up
 * within check's limit (MAX_FILE_BYTES of Markdown) takes a few MB of XML at most.
 */
export const MAX_DOCX_XML_BYTES = 4 * 1024 * 1024;
/** A text file to import is refused past this: its Markdown would be past check's limit anyway. */
const MAX_TEXT_BYTES = 4 * MAX_FILE_BYTES;

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/** A county's document turned into Markdown, with the title (and author) found in it. */
export interface ImportedDocument {
  title: string | undefined;
  markdown: string;
  /** A byline or dateline's unit and names, taken out of the body. */
  author?: string;
  /** What the editor should hear about, placed in the written file (place-findings.ts). */
  findings?: ImportFindings;
}

/**
 * Reads a `.docx` (mammoth → HTML → Markdown, keeping paragraphs, lists,
 * tables and bold, dropping images: docx-markdown.ts), an old `.doc` or
 * `.wps` converted to .docx by LibreOffice when it is installed, or a
 * `.txt`/`.md` file in UTF-8 or GB18030. With `title` given, no text is taken
 * from the body as the title. Damaged or unsupported files give an error and
 * no document.
 */
export async function readDocument(
  path: string,
  shown: string,
  options: { title?: string } = {},
): Promise<{ value?: ImportedDocument; diagnostics: Diagnostic[] }> {
  const ext = extname(path).toLowerCase();
  const fail = (rule: Rule, message: string) => ({ diagnostics: [rule.report(shown, undefined, message)] });
  // Word and WPS files carry photos: the .docx limit (an old .doc or .wps is converted from its path).
  const limit = ext === '.docx' || ext === '.doc' || ext === '.wps' ? MAX_DOCX_BYTES : MAX_TEXT_BYTES;
  let read: { bytes?: Buffer; size: number };
  try {
    // Sizes are judged from the disk first: a file past the limit is never read.
    read = readBounded(path, limit);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail(importNotFound, `找不到文件「${shown}」，请核对路径。`);
    if (code === 'EISDIR') return fail(importNotFound, `「${shown}」是文件夹，不是文件。请写出要导入的文件。`);
    return fail(
      importUnreadable,
      `无法读取文件「${shown}」（${code ?? (e as Error).message}）。请检查文件的读取权限。`,
    );
  }
  const bytes = read.bytes;
  if (!bytes)
    return fail(
      importTooLarge,
      `文件「${shown}」有 ${mb(read.size)}，超过可以导入的 ${mb(limit)}，未读取。一篇稿件通常只有几十 KB：请检查是否选错了文件。`,
    );
  if (ext === '.docx') return readDocx(bytes, shown, fail, options);
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
    const value = ext === '.txt' ? fromText(decoded.text, options.title) : fromMarkdown(decoded.text, shown);
    return { value, diagnostics };
  }
  if (ext === '.doc' || ext === '.wps') return readLegacy(path, ext, shown, fail, options);
  return fail(importUnsupported, `不支持「${ext || '无扩展名'}」文件：可导入 .docx、.txt 或 .md。`);
}

/** An old Word or WPS file, through LibreOffice (convert-legacy.ts), or why not. */
async function readLegacy(
  path: string,
  ext: string,
  shown: string,
  fail: (rule: Rule, message: string) => { diagnostics: Diagnostic[] },
  options: { title?: string },
) {
  const kind = ext === '.wps' ? 'WPS 的 .wps' : '旧版 Word 的 .doc';
  const converted = await convertToDocx(path);
  if ('problem' in converted && converted.problem === 'missing')
    return fail(
      importUnsupported,
      `「${shown}」是${kind} 文件，要先转换成 .docx：请安装 LibreOffice（Debian、Ubuntu 上是 ` +
        'sudo apt install libreoffice-writer），yongzu 会自动转换；或在 Word、WPS 里打开，「另存为」.docx 后再导入。',
    );
  if ('problem' in converted)
    return fail(
      importDamaged,
      `LibreOffice 没能转换「${shown}」：文件可能已损坏，或不是真正的${kind} 文件。` +
        '请在 Word 或 WPS 里打开，「另存为」.docx 后再导入。',
    );
  return readDocx(converted.bytes, shown, fail, options);
}

async function readDocx(
  bytes: Buffer,
  shown: string,
  fail: (rule: Rule, message: string) => { diagnostics: Diagnostic[] },
  options: { title?: string },
) {
  // How much the document inflates to is checked first, reading at most the budget (mammoth would inflate it whole).
  const budget = checkZipBudget(bytes, MAX_DOCX_XML_BYTES);
  if (!budget.ok && budget.reason === 'too-large')
    return fail(
      importTooLarge,
      `这个 Word 文件解压后的文字部分超过 ${mb(MAX_DOCX_XML_BYTES)}，未导入（一篇稿件通常不到 1 MB）。` +
        '文件可能已损坏或混入了大量内容：请在 Word/WPS 中打开，检查后另存为 .docx 再导入。',
    );
  if (!budget.ok) return damaged(fail);
  let doc;
  try {
    doc = await convertDocx(bytes, options);
  } catch (e) {
    if (!(e instanceof DocxUnreadable)) throw e;
    return damaged(fail);
  }
  if (doc.markdown.trim() === '') return fail(importEmpty, 'Word 文件中没有文字。');
  const diagnostics: Diagnostic[] = [];
  const { images, captions } = doc.findings;
  // Images with captions are reported at the captions, once the file is written.
  if (images > 0 && captions.length === 0)
    diagnostics.push(
      importImagesDropped.report(shown, undefined, `文件中的 ${images} 张图片没有导入（刊物只收文字）。`),
    );
  const value: ImportedDocument = { title: doc.title, markdown: doc.markdown, findings: doc.findings };
  if (doc.author) value.author = doc.author;
  return { value, diagnostics };
}

function damaged(fail: (rule: Rule, message: string) => { diagnostics: Diagnostic[] }) {
  return fail(
    importDamaged,
    '这个 Word 文件已损坏或不是真正的 .docx，无法读取。请在 Word/WPS 中打开后重新「另存为」.docx。',
  );
}

/**
 * Plain text: one paragraph per non-empty line; unless the editor gave the
 * title, a short first line without final punctuation is the title, or else
 * the first sentence. A byline under the title or a dateline at the end goes
 * into `author`, as from Word.
 */
function fromText(text: string, givenTitle?: string): ImportedDocument {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter(Boolean);
  let title: string | undefined;
  if (givenTitle !== undefined) {
    // The editor's title: nothing is cut from the text.
  } else if (lines.length > 1 && lines[0]!.length <= 40 && !/[。！？；，]$/.test(lines[0]!)) title = lines.shift();
  else if (lines.length > 0) {
    const m = /^(.{4,60}?)。/.exec(lines[0]!);
    if (m) {
      title = m[1];
      lines[0] = lines[0]!.slice(m[0].length);
      if (lines[0] === '') lines.shift();
    }
  }
  const doc: ImportedDocument = { title, markdown: '' };
  const signOff = findSignOff(lines);
  if (signOff) {
    lines.splice(signOff.index, signOff.count);
    doc.author = signOff.author;
    doc.findings = { images: 0, captions: [], signOff, unformatted: 0 };
  }
  doc.markdown = lines.join('\n\n');
  return doc;
}

/** Markdown: front-matter, if any, is dropped (its title kept); the body is taken as it is. */
function fromMarkdown(text: string, shown: string): ImportedDocument {
  if (!text.startsWith('---')) return fromText(text);
  const parsed = parseSubmission(text, shown);
  const title = parsed.value.front?.data?.['title'];
  return { title: typeof title === 'string' ? title : undefined, markdown: parsed.value.body.trim() };
}
