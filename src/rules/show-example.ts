import { type Example, type ExampleFile, isTextExample, type ProjectExample } from './rule.js';

/** A file of a project example as shown to a reader: its text (if it has one to show) and a remark on it. */
export interface ShownFile {
  path: string;
  text?: string;
  remark?: string;
}

/** The files of a project example as shown: text without BOM or CR, with a remark for what text cannot show. */
export function showFiles(example: ProjectExample): ShownFile[] {
  return Object.entries(example.files).map(([path, file]) => ({ path, ...showFile(file) }));
}

function showFile(file: ExampleFile): Omit<ShownFile, 'path'> {
  if (file === null) return { remark: '删去' };
  if (typeof file === 'string') return { text: plain(file) };
  if ('hex' in file) {
    const bytes = file.hex.match(/../g) ?? [];
    return { remark: `二进制内容，共 ${bytes.length} 字节：${bytes.slice(0, 8).join(' ')} …` };
  }
  if ('repeat' in file) {
    const mb = (Buffer.byteLength(file.repeat) * file.times) / 1048576;
    return { text: plain(file.repeat), remark: `下面的内容重复 ${file.times} 次，共约 ${mb.toFixed(1)} MB` };
  }
  return { text: plain(file.text), remark: `存为 ${file.encoding === 'gb18030' ? 'GB18030/GBK' : 'UTF-16'} 编码` };
}

const plain = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');

/**
 * Where an example's first diagnostic is, in Chinese: 第 1 行第 5 列「,」, or
 * the file and its line and column; the file and the character as `show`
 * writes them.
 */
export function showPlace(
  example: Example,
  show = { file: (file: string) => file, char: (c: string) => c },
): string | undefined {
  if (example.at === undefined) return undefined;
  const m = /^(?:(.*):)?(\d+):(\d+)$/.exec(example.at);
  if (!m) return example.at;
  const [, file, line, column] = m;
  const where = `第 ${line} 行第 ${column} 列`;
  if (file !== undefined) return `${show.file(file)} ${where}`;
  if (!isTextExample(example)) return where;
  const c = [...(example.text.split('\n')[Number(line) - 1] ?? '')][Number(column) - 1];
  return c === undefined || /\s/.test(c) ? where : `${where}「${show.char(c)}」`;
}

/** 错误 or 警告. */
export const SEVERITY_LABEL = { error: '错误', warning: '警告' } as const;
