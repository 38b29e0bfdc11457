import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How long LibreOffice may take over one file (its first start makes a profile: seconds). */
const TIMEOUT_MS = 120_000;

/**
 * LibreOffice's command, if installed: `YONGZU_SOFFICE` when set (a path; set
 * empty, none), else `soffice` or `libreoffice` on the PATH.
 */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env['YONGZU_SOFFICE'];
  if (own !== undefined) return own === '' ? undefined : own;
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const p = join(dir, name);
      try {
        accessSync(p, constants.X_OK);
        return p;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * Converts an old Word (.doc) or WPS (.wps) file to .docx with LibreOffice
 * (`soffice --headless --convert-to docx`), in a temporary folder with its own
 * LibreOffice profile (so a LibreOffice the editor has open is not disturbed,
 * and two imports at once do not collide). `missing`: LibreOffice is not
 * installed; `failed`: it could not read the file.
 */
export async function convertToDocx(
  path: string,
): Promise<{ bytes: Buffer } | { problem: 'missing' } | { problem: 'failed' }> {
  const soffice = findSoffice();
  if (!soffice) return { problem: 'missing' };
  const work = await mkdtemp(join(tmpdir(), 'yongzu-soffice-'));
  try {
    const args = [
      '--headless',
      '--norestore',
      '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--convert-to',
      'docx',
      '--outdir',
      join(work, 'out'),
      path,
    ];
    const ran = await new Promise<boolean>((done) => {
      execFile(soffice, args, { timeout: TIMEOUT_MS, windowsHide: true }, (error) => done(!error));
    });
    if (!ran) return { problem: 'failed' };
    try {
      const bytes = await readFile(join(work, 'out', `${basename(path, extname(path))}.docx`));
      return bytes.length > 0 ? { bytes } : { problem: 'failed' };
    } catch {
      return { problem: 'failed' };
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
