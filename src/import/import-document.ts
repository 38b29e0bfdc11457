import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { runCheck } from '../pipeline/run-check.js';

/** What `importDocument` is asked to do. */
export interface ImportOptions {
  root: string;
  /** The file to read. */
  file: string;
  /** The file's name as the editor knows it, in messages (default: `file`); the desk reads an upload's copy. */
  shown?: string;
  to: string;
  county: string;
  theme?: string;
  title?: string;
  /** Import it even when the county has a write-up in that issue already. */
  force?: boolean;
}

/**
 * `yongzu import` and the desk's drop: turns a .docx, .txt or .md file into a
 * submission of the given issue, then checks it. Nothing is written when the
 * file cannot be read or the submission would be larger than check accepts;
 * an existing file is never overwritten.
 */
export async function importDocument(options: ImportOptions): Promise<{ value?: string; diagnostics: Diagnostic[] }> {
  const root = resolve(options.root);
  const shown = options.shown ?? options.file;
  const checked = await runCheck({ root });
  const [{ resolveTarget, writeSubmission }, { readDocument }, { findingDiagnostics }] = await Promise.all([
    import('../new/create.js'),
    import('./read-document.js'),
    import('./place-findings.js'),
  ]);
  const target = resolveTarget(root, checked, options.to, options.county, options.theme, { force: options.force });
  if (!target.value) return { diagnostics: target.diagnostics };
  const doc = await readDocument(resolve(options.file), shown, options.title ? { title: options.title } : {});
  if (!doc.value) return { diagnostics: doc.diagnostics };
  const title = (options.title ?? doc.value.title ?? '').replace(/[。.]$/, '');
  const made = await writeSubmission(root, target.value, title, doc.value.markdown, doc.value.author);
  const file = made.value;
  if (!file) return { diagnostics: [...doc.diagnostics, ...made.diagnostics] };
  const written = await readFile(join(root, file), 'utf8');
  const after = await runCheck({ root });
  return {
    value: file,
    diagnostics: [
      ...doc.diagnostics,
      ...findingDiagnostics(file, written, doc.value.findings),
      ...after.diagnostics.filter((d) => d.file === file),
    ],
  };
}
