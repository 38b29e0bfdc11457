import { readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { FolderListing } from './folder-listing.js';
import { readSource, type SourceRead } from './read-source.js';
import { mapLimit } from '../util/map-limit.js';
import { MAX_FILE_BYTES } from './read-source.js';
import { parseSubmission, type ParsedSubmission } from './parse-submission.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';
import { pushAll } from '../util/append.js';

/** A submission as read from disk. */
export interface LoadedSubmission extends ParsedSubmission {
  /** Path relative to the root, e.g. `issues/2009-18/01-jianghua.md`. */
  file: string;
  /** File name, e.g. `01-jianghua.md`. */
  name: string;
  text: string;
}

/** An issue folder: its `issue.yml` and its submissions, in file-name order. */
export interface LoadedIssue {
  /** Folder name, e.g. `2009-18`. */
  folder: string;
  meta: YamlSource | undefined;
  submissions: LoadedSubmission[];
}

export interface LoadedProject {
  root: string;
  issues: LoadedIssue[];
  fileCount: number;
}

const ISSUE_FILE = 'issue.yml';

const ignored = (name: string) => name.startsWith('_') || name.startsWith('.');
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isSubmission = (name: string) => /\.(md|markdown)$/i.test(name);

/**
 * The files of a folder that loading reads, from its listing: issue.yml, then the submissions; none without issue.yml.
 */
export function sourcesToRead(files: readonly string[]): string[] {
  const names = files.filter((n) => !ignored(n)).sort(byName);
  return names.includes(ISSUE_FILE) ? [ISSUE_FILE, ...names.filter(isSubmission)] : [];
}

/**
 * Reads every issue under `root/issues`: decodes each file, splits front-matter
 * and parses YAML with positions. Never throws on bad content; reports it.
 */
export async function loadProject(root: string): Promise<{ value: LoadedProject; diagnostics: Diagnostic[] }> {
  const listed = await listIssueFolders(root);
  const diagnostics = [...listed.diagnostics];
  const project: LoadedProject = { root, issues: [], fileCount: 0 };
  // Folders 16 at a time, each reading its files together: bounded open files.
  const loaded = await mapLimit(listed.folders, 16, (folder) => loadIssue(root, folder));
  for (const item of loaded) {
    pushAll(diagnostics, item.diagnostics);
    project.fileCount += item.fileCount;
    if (item.value) project.issues.push(item.value);
  }
  return { value: project, diagnostics };
}

/**
 * The issue folders under `root/issues`, in name order, and the problems of
 * the folder itself (missing, or submissions lying outside any issue).
 */
export async function listIssueFolders(root: string): Promise<{ folders: string[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const issuesDir = join(root, 'issues');
  let entries;
  try {
    entries = await readdir(issuesDir, { withFileTypes: true });
  } catch {
    diagnostics.push(
      createDiagnostic(
        'issues',
        undefined,
        'error',
        'project/no-issues-dir',
        `找不到 issues 文件夹（${issuesDir}）。请在项目根目录下建立 issues/，每期一个子文件夹；或用 --root 指定项目目录。`,
      ),
    );
    return { folders: [], diagnostics };
  }
  const folders = entries
    .filter((e) => e.isDirectory() && !ignored(e.name))
    .map((e) => e.name)
    .sort(byName);
  for (const e of entries) {
    if (e.isSymbolicLink() && !ignored(e.name)) diagnostics.push(symlinkDiagnostic(`issues/${e.name}`));
    if (e.isFile() && !ignored(e.name) && /\.(md|markdown)$/i.test(e.name)) {
      diagnostics.push(
        createDiagnostic(
          `issues/${e.name}`,
          undefined,
          'error',
          'folder/no-issue-yml',
          '稿件直接放在了 issues/ 下，不属于任何一期。请把它移到对应一期的文件夹里（与 issue.yml 放在一起）。',
        ),
      );
    }
  }
  return { folders, diagnostics };
}

/**
 * A symbolic link where sources are read: never followed (it may point out
 * of the project, or at a folder that changes under the build), but reported,
 * so nothing is left out without a word.
 */
function symlinkDiagnostic(file: string): Diagnostic {
  return createDiagnostic(
    file,
    undefined,
    'warning',
    'folder/symlink',
    '这是一个符号链接（快捷方式），yongzu 不读取链接，它指向的稿件不会编入刊物。请把它指向的文件或文件夹本身复制到这里，再删去链接。',
  );
}

/** Result of loading one issue folder. */
export interface LoadedIssueResult {
  value: LoadedIssue | undefined;
  diagnostics: Diagnostic[];
  fileCount: number;
}

/**
 * Loads one issue folder; a folder that vanished while being read loads as
 * nothing. `listing` holds the names of its files and links when they were
 * just listed (by the build's stat pass); if a file has gone since, the
 * folder is listed again. `ahead` are its files as already read and decoded
 * (sourcesToRead).
 */
export async function loadIssue(
  root: string,
  folder: string,
  listing?: Pick<FolderListing, 'files' | 'links'>,
  ahead?: ReadonlyMap<string, SourceRead>,
): Promise<LoadedIssueResult> {
  try {
    return await readIssue(root, folder, listing, ahead);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    if (listing) return loadIssue(root, folder);
    return { value: undefined, diagnostics: [], fileCount: 0 };
  }
}

async function readIssue(
  root: string,
  folder: string,
  listing?: Pick<FolderListing, 'files' | 'links'>,
  ahead?: ReadonlyMap<string, SourceRead>,
): Promise<LoadedIssueResult> {
  const diagnostics: Diagnostic[] = [];
  const rel = `issues/${folder}`;
  let listed = listing?.files;
  let links = listing?.links;
  if (!listed || !links) {
    const entries = readdirSync(join(root, rel), { withFileTypes: true });
    listed = entries.filter((e) => e.isFile()).map((e) => e.name);
    links = entries.filter((e) => e.isSymbolicLink()).map((e) => e.name);
  }
  for (const n of links.filter((l) => !ignored(l)).sort(byName)) diagnostics.push(symlinkDiagnostic(`${rel}/${n}`));
  const names = listed.filter((n) => !ignored(n)).sort(byName);
  const mdNames = names.filter(isSubmission);
  if (!names.includes(ISSUE_FILE)) {
    const alt = names.find((n) => /^issue\.(yaml|yml)$/i.test(n) || n === 'issue.yml.txt');
    if (mdNames.length > 0 || alt) {
      diagnostics.push(
        createDiagnostic(
          `${rel}/${alt ?? mdNames[0]}`,
          undefined,
          'error',
          'folder/no-issue-yml',
          `文件夹 ${rel} 有稿件，但没有 issue.yml，这些稿件不会被编入任何一期。` +
            (alt
              ? `请把「${alt}」改名为「${ISSUE_FILE}」。`
              : '请添加 issue.yml（写明 year、issue、total、date、themes）；草稿请以「_」开头命名。'),
        ),
      );
    }
    return { value: undefined, diagnostics, fileCount: mdNames.length };
  }
  for (const n of names) {
    if (n !== ISSUE_FILE && !mdNames.includes(n)) {
      const hint = /\.(docx?|wps|txt)$/i.test(n)
        ? `请用「yongzu import ${rel}/${n} --to ${rel} --county 县区名」转为稿件。`
        : '如不需要，请移出此文件夹或以「_」开头命名。';
      diagnostics.push(
        createDiagnostic(
          `${rel}/${n}`,
          undefined,
          'warning',
          'folder/unsupported-file',
          `这个文件不是 Markdown 稿件（.md），不会编入刊物。${hint}`,
        ),
      );
    }
  }

  // A file not read ahead (or that could not be) is read here (and fails here as it did there).
  const read = (name: string) => readText(root, `${rel}/${name}`, diagnostics, ahead?.get(name));
  const metaFile = `${rel}/${ISSUE_FILE}`;
  const metaText = read(ISSUE_FILE);
  let meta: YamlSource | undefined;
  if (metaText !== undefined) {
    const parsed = parseYamlSource(metaText, metaFile, 0);
    pushAll(diagnostics, parsed.diagnostics);
    meta = parsed.source;
  }
  const submissions: LoadedSubmission[] = [];
  for (const name of mdNames) {
    const text = read(name);
    if (text === undefined) continue;
    const file = `${rel}/${name}`;
    const parsed = parseSubmission(text, file);
    pushAll(diagnostics, parsed.diagnostics);
    submissions.push({ file, name, text, ...parsed.value });
  }
  return { value: { folder, meta, submissions }, diagnostics, fileCount: mdNames.length + 1 };
}

/**
 * Reads and decodes one file, or takes what the executor read of it
 * (`read`); reports and returns undefined when it cannot be used.
 */
function readText(
  root: string,
  file: string,
  diagnostics: Diagnostic[],
  ahead: SourceRead | undefined,
): string | undefined {
  let read = ahead;
  if (!read) {
    try {
      read = readSource(join(root, file));
    } catch (e) {
      // Gone since listed: the caller lists the folder again. Any other failure is the file's problem, reported.
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || typeof code !== 'string') throw e;
      diagnostics.push(
        createDiagnostic(
          file,
          undefined,
          'error',
          'file/unreadable',
          `无法读取这个文件（${code}）。请检查它的读取权限，或它是否是一个文件夹或特殊文件。`,
        ),
      );
      return undefined;
    }
  }
  if (read.kind === 'too-large') {
    diagnostics.push(
      createDiagnostic(
        file,
        undefined,
        'error',
        'file/too-large',
        `文件有 ${(read.size / 1048576).toFixed(1)} MB，超过上限 ${MAX_FILE_BYTES / 1048576} MB，已拒绝读取。一篇稿件通常只有几 KB，请检查是否放错了文件。`,
      ),
    );
    return undefined;
  }
  if (read.kind === 'undecodable') {
    const message =
      read.reason === 'binary'
        ? '这不是文本文件（可能是 Word、图片或压缩包改了扩展名），无法读取。Word 文件请用「yongzu import」导入。'
        : '无法识别文件的编码（既不是 UTF-8，也不是 GB18030/GBK）。请用记事本或 WPS「另存为」UTF-8 编码。';
    diagnostics.push(createDiagnostic(file, undefined, 'error', 'encoding/undecodable', message));
    return undefined;
  }
  if (read.encoding !== 'utf-8') {
    const name = read.encoding === 'gb18030' ? 'GB18030/GBK' : 'UTF-16';
    diagnostics.push(
      createDiagnostic(
        file,
        undefined,
        'warning',
        'encoding/not-utf8',
        `文件编码是 ${name}，已自动转换后读取。建议另存为 UTF-8 编码，以免其他软件显示乱码。`,
      ),
    );
  }
  return read.text;
}
