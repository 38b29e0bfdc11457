import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInlineExecutor } from '../src/executor/inline-executor.js';
import type { OutputFile } from '../src/model/output-file.js';
import { checkSources } from '../src/pipeline/check-sources.js';
import { createMarkdownRenderer } from '../src/render/markdown.js';
import { renderSite } from '../src/site/render-site.js';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLE = join(REPO, 'issues', '2009-18');
export const BIN = join(REPO, 'bin', 'yongzu.js');

/** A fresh project folder holding a copy of the sample issue. */
export function sampleProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'yongzu-test-'));
  cpSync(SAMPLE, join(root, 'issues', '2009-18'), { recursive: true });
  return root;
}

/** A fresh empty project folder; `files` maps relative paths to contents. */
export function makeProject(files: Record<string, string | Uint8Array> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'yongzu-test-'));
  for (const [path, content] of Object.entries(files)) writeFile(root, path, content);
  return root;
}

export function writeFile(root: string, path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

export function readSample(name: string): string {
  return readFileSync(join(SAMPLE, name), 'utf8');
}

/** Replaces `from` with `to` in a project file (which must contain it). */
export function edit(root: string, path: string, from: string | RegExp, to: string): void {
  const full = join(root, path);
  const text = readFileSync(full, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit: ${String(from)} not found in ${path}`);
  writeFileSync(full, next);
}

/** The paragraphs of the sample's bodies, in file order. */
export function sampleParagraphs(): string[] {
  return ['01-jianghua.md', '02-shuangpai.md', '03-daoxian.md', '04-qiyang.md'].flatMap((name) =>
    readSample(name)
      .split(/^---$/m)
      .slice(2)
      .join('---')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  );
}

/** A digest of every file under `dir`: paths and bytes. */
export function digest(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(relative(dir, p)).update('\0').update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** The site's files as renderSite emits them, in order, with the renderer of a build. */
export function renderSiteFiles(
  issues: Parameters<typeof renderSite>[0],
  config: Parameters<typeof renderSite>[1],
  env: Parameters<typeof renderSite>[2],
  options: Parameters<typeof renderSite>[3],
  markdown: Parameters<typeof renderSite>[4] = createMarkdownRenderer(),
): OutputFile[] {
  const files: OutputFile[] = [];
  renderSite(issues, config, env, options, markdown, (f) => files.push(f));
  return files;
}

/** What a run of the compiled CLI gave. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the compiled CLI (`npm run compile` first) and resolves when it ends
 * (asynchronously: a test's worker must keep answering vitest meanwhile).
 */
export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeout ?? 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A line of a JavaScript stack trace (`    at f (file.js:1:2)`): never shown for bad input. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

/** A project's sources, as a digest (issues/ and, when present, templates/ and the configuration). */
export function sourcesDigest(root: string): string {
  const h = createHash('sha256');
  for (const part of ['issues', 'templates', 'styles', 'yongzu.config.yml']) {
    const p = join(root, part);
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      continue;
    }
    h.update(part)
      .update('\0')
      .update(isDir ? digest(p) : readFileSync(p));
  }
  return h.digest('hex');
}

/** Replaces the body of a sample submission, keeping its front-matter. */
export function setBody(root: string, file: string, body: string): void {
  const full = join(root, file);
  const head = readFileSync(full, 'utf8').split('---\n').slice(0, 2).join('---\n');
  writeFileSync(full, `${head}---\n\n${body}\n`);
}

/**
 * The project's checked issues with their bodies and its configuration, as
 * build and pdf take them (check's own result leaves the bodies out).
 */
export async function checkedProject(root: string) {
  const checked = await checkSources(root, { render: false, bodies: true, executor: createInlineExecutor });
  await checked.memoSaved;
  return { issues: checked.issues, config: checked.config, diagnostics: checked.diagnostics };
}
