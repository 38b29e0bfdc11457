import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { MAX_FILE_BYTES } from '../model/limits.js';
import { loadProject } from '../load/load-project.js';
import { parseSubmission } from '../load/parse-submission.js';
import { backupSource, makeFolders, sourceWriteFailure, writeSourceAtomic } from '../write/write-source.js';
import { applyFixes, planFixes, type FixedChange } from './plan-fixes.js';
import { pushAll } from '../util/append.js';
import { fixTooLarge } from '../rules/fix/too-large.js';

export interface FileFix {
  file: string;
  changes: FixedChange[];
  /** Where the original was copied before the file was rewritten. */
  backup: string;
  /** Set when the file was re-encoded (e.g. from GB18030) to UTF-8. */
  reencodedFrom: string | undefined;
}

const MAX_PASSES = 4;

/**
 * Applies the safe copy fixes to every submission under `root`: each file is
 * backed up under `.yongzu/backup/<time>/` first, then rewritten atomically,
 * keeping its BOM and line ends. Files whose front-matter does not parse are
 * left alone (they need an editor's eye). With `only` (a path relative to
 * root), that one submission alone is fixed (the dev desk's 自动修正). A
 * write that fails (a full or read-only disk) stops the run with a `write/source` diagnostic: the files
 * fixed before it stay fixed, that file stays as it was, and a backup folder
 * left empty is removed.
 */
export async function fixProject(
  root: string,
  now = new Date(),
  options: { only?: string } = {},
): Promise<{ fixed: FileFix[]; diagnostics: Diagnostic[] }> {
  const { value: project } = await loadProject(root);
  const backupDir = join(root, '.yongzu', 'backup', now.toISOString().replace(/[:.]/g, '-'));
  const results: FileFix[] = [];
  const skipped: Diagnostic[] = [];
  let undoBackupDir: (() => Promise<void>) | undefined;
  let writing = root;
  try {
    await fixAll();
  } catch (e) {
    const failure = sourceWriteFailure(e, root, writing);
    if (!failure) throw e;
    if (results.length === 0) {
      await rm(backupDir, { recursive: true, force: true }).catch(() => undefined);
      await undoBackupDir?.();
    }
    return { fixed: results, diagnostics: [...skipped, failure] };
  }
  return { fixed: results, diagnostics: skipped };

  async function fixAll(): Promise<void> {
    for (const issue of project.issues) {
      for (const sub of issue.submissions) {
        if (!sub.front?.data || (options.only !== undefined && sub.file !== options.only)) continue;
        let current = sub;
        let text = sub.text;
        const changes: FixedChange[] = [];
        for (let pass = 0; pass < MAX_PASSES; pass++) {
          const fixes = planFixes(current);
          if (fixes.length === 0) break;
          const applied = applyFixes(text, fixes);
          pushAll(changes, applied.changes);
          text = applied.text;
          const reparsed = parseSubmission(text, sub.file);
          if (!reparsed.value.front?.data) break;
          current = { ...sub, text, ...reparsed.value };
        }
        if (changes.length === 0) continue;
        const raw = await readFile(join(root, sub.file));
        const bom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
        const crlf = raw.includes('\r\n');
        const utf8 = isUtf8(raw);
        const out = (bom ? '\uFEFF' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
        // A fix never makes a file that check would refuse (…… for … grows a body of ellipses by half).
        if (Buffer.byteLength(out) > MAX_FILE_BYTES) {
          skipped.push(
            fixTooLarge.report(
              sub.file,
              undefined,
              `改正后这个文件会超过「yongzu check」允许的 ${MAX_FILE_BYTES / 1048576} MB，所以没有改动它。请手工改正。`,
            ),
          );
          continue;
        }
        writing = join(backupDir, sub.file);
        undoBackupDir ??= await makeFolders(backupDir);
        const backup = await backupSource(root, sub.file, backupDir);
        writing = join(root, sub.file);
        try {
          await writeSourceAtomic(writing, out);
        } catch (e) {
          await rm(backup, { force: true }).catch(() => undefined);
          throw e;
        }
        results.push({ file: sub.file, changes, backup, reencodedFrom: utf8 ? undefined : 'GB18030' });
      }
    }
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
