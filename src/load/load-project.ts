import { readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { notUtf8Read } from '../rules/encoding/not-utf8.js';
import { undecodableSource } from '../rules/encoding/undecodable.js';
import { tooLargeFile } from '../rules/file/too-large.js';
import { folderWithoutIssueYml, looseSubmission } from '../rules/folder/no-issue-yml.js';
import { unsupportedFileIn } from '../rules/folder/unsupported-file.js';
import { missingIssuesDir } from '../rules/project/no-issues-dir.js';
import { unreadableFile } from '../rules/file/unreadable.js';
import { symlinkDiagnostic } from '../rules/folder/symlink.js';
import type { FolderListing } from './folder-listing.js';
import { readSource, type SourceRead } from './read-source.js';
import { mapLimit } from '../util/map-limit.js';
import { parseSubmission, type ParsedSubmission } from './parse-submission.js';
import { parseYamlSource } from './yaml-source.js';
import type { YamlSource } from '../text/yaml-places.js';
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
    diagnostics.push(missingIssuesDir(issuesDir));
    return { folders: [], diagnostics };
  }
  const folders = entries
    .filter((e) => e.isDirectory() && !ignored(e.name))
    .map((e) => e.name)
    .sort(byName);
  for (const e of entries) {
    if (e.isSymbolicLink() && !ignored(e.name)) diagnostics.push(symlinkDiagnostic(`issues/${e.name}`));
    if (e.isFile() && !ignored(e.name) && /\.(md|markdown)$/i.test(e.name)) {
      diagnostics.push(looseSubmission(`issues/${e.name}`));
    }
  }
  return { folders, diagnostics };
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
    if (mdNames.length > 0 || alt) diagnostics.push(folderWithoutIssueYml(rel, `${rel}/${alt ?? mdNames[0]}`, alt));
    return { value: undefined, diagnostics, fileCount: mdNames.length };
  }
  for (const n of names) {
    if (n !== ISSUE_FILE && !mdNames.includes(n)) diagnostics.push(unsupportedFileIn(rel, n));
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
      diagnostics.push(unreadableFile(file, code));
      return undefined;
    }
  }
  if (read.kind === 'too-large') {
    diagnostics.push(tooLargeFile(file, read.size));
    return undefined;
  }
  if (read.kind === 'undecodable') {
    diagnostics.push(undecodableSource(file, read.reason));
    return undefined;
  }
  if (read.encoding !== 'utf-8') diagnostics.push(notUtf8Read(file, read.encoding));
  return read.text;
}
