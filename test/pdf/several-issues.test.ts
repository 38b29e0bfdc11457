import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeIssue } from '../../src/merge/merge-issue.js';
import { renderPdfs } from '../../src/pdf/render-pdfs.js';
import { createTemplateEnv } from '../../src/render/templates.js';
import { BIN, checkedProject, sampleProject } from '../helpers.js';

/** The sample project with two more issues: the sample under other numbers. */
function threeIssues(): string {
  const root = sampleProject();
  for (const n of [19, 20]) {
    const dir = join(root, 'issues', `2009-${n}`);
    cpSync(join(root, 'issues', '2009-18'), dir, { recursive: true });
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      writeFileSync(
        path,
        readFileSync(path, 'utf8')
          .replace(/^issue: 18$/m, `issue: ${n}`)
          .replace(/^total: 476$/m, `total: ${458 + n}`),
      );
    }
  }
  return root;
}

const servers = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;

describe('printing several issues', () => {
  it('yongzu build prints each issue and exits (the issues printing in parallel share one print server and browser)', () => {
    const root = threeIssues();
    const r = spawnSync(process.execPath, [BIN, 'build', '--root', root], { encoding: 'utf8', timeout: 150_000 });
    expect(r.signal, 'the process exits by itself').toBeNull();
    expect(r.status, r.stdout + r.stderr).toBe(0);
    for (const n of [18, 19, 20])
      expect(existsSync(join(root, 'dist', '2009', String(n), `永组信息-2009-${n}.pdf`)), `issue ${n}`).toBe(true);
  }, 180_000);

  it('starts one print server for issues that start printing together, and leaves none listening', async () => {
    const root = threeIssues();
    const checked = await checkedProject(root);
    const issues = checked.issues.map((i) => mergeIssue(i, checked.config));
    const before = servers();
    // No PDF cache: both first issues ask for the printer at once (each used to start a server, and one was never closed).
    const result = await renderPdfs(issues, checked.config, createTemplateEnv(root), {
      root,
      cacheDir: false,
      concurrency: 2,
    });
    expect(result.value.map((p) => p.issue.issue).sort()).toEqual([18, 19, 20]);
    // A closed server's handle goes on the next turns of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(servers()).toBe(before);
  }, 180_000);
});
