import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadProject } from '../load/load-project.js';
import { parseSubmission } from '../load/parse-submission.js';
import { backupSource, writeSourceAtomic } from '../write/write-source.js';
import { applyFixes, planFixes, type FixedChange } from './plan-fixes.js';

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
 * root), that one submission alone is fixed (the dev desk's 自动修正).
 */
export async function fixProject(root: string, now = new Date(), options: { only?: string } = {}): Promise<FileFix[]> {
  const { value: project } = await loadProject(root);
  const backupDir = join(root, '.yongzu', 'backup', now.toISOString().replace(/[:.]/g, '-'));
  const results: FileFix[] = [];
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
        changes.push(...applied.changes);
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
      const backup = await backupSource(root, sub.file, backupDir);
      const out = (bom ? '\uFEFF' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
      await writeSourceAtomic(join(root, sub.file), out);
      results.push({ file: sub.file, changes, backup, reencodedFrom: utf8 ? undefined : 'GB18030' });
    }
  }
  return results;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
