import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { build } from '../src/api.js';
import { sortDiagnostics, type Diagnostic } from '../src/diagnostics/diagnostic.js';
import { BIN, REPO } from './helpers.js';

const GENERATOR = join(REPO, 'bench', 'gen-corpus.mjs');

describe('files read ahead on the aside thread', () => {
  it('the compiled CLI (files read on its worker thread) reports and builds what the API from sources (files read inline) does, odd files included', async () => {
    // 85 issues: over 80 folders, so the CLI reads them on its worker thread.
    const root = mkdtempSync(join(tmpdir(), 'yongzu-read-'));
    execFileSync(process.execPath, [GENERATOR, join(root, 'issues'), '--issues', '85'], { stdio: 'ignore' });
    const folders = readdirSync(join(root, 'issues')).sort();
    const submissions = (folder: string) =>
      readdirSync(join(root, 'issues', folder))
        .filter((n) => n.endsWith('.md'))
        .sort();
    // A GB18030 submission, a CRLF one, a "Word file" renamed .md, and a draft that is not read.
    const [a, b, c] = [folders[3]!, folders[40]!, folders[84]!];
    const gbFile = join(root, 'issues', a, submissions(a)[0]!);
    writeFileSync(gbFile, iconv.encode(readFileSync(gbFile, 'utf8'), 'gb18030'));
    const crlfFile = join(root, 'issues', b, submissions(b)[1]!);
    writeFileSync(crlfFile, readFileSync(crlfFile, 'utf8').replace(/\n/g, '\r\n'));
    writeFileSync(join(root, 'issues', c, 'zz-word.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0, 1, 2, 3]));
    writeFileSync(join(root, 'issues', c, '_draft.md'), 'not read');
    // Front-matter the aside thread parses with places that the main thread then looks up: an unknown key
    // (plain YAML), a tab (yaml's error with its place), flow style (not plain), none at all, unclosed.
    const front = (lines: string) => `---\n${lines}\n---\n正文一段。\n`;
    writeFileSync(
      join(root, 'issues', b, 'zz-extra.md'),
      front('issue: 1\ncounty: 东安县\ntheme: 某主题\ntitle: 标题\nautor: 某人 # 拼错的键'),
    );
    writeFileSync(join(root, 'issues', b, 'zz-tab.md'), front('issue: 1\ncounty:\n\t- 东安县'));
    writeFileSync(
      join(root, 'issues', c, 'zz-flow.md'),
      front('issue: 1\ncounty: {name: 东安县}\ntheme: [某主题]\ntitle: 标题'),
    );
    writeFileSync(join(root, 'issues', c, 'zz-none.md'), '正文，没有文件头。\n');
    writeFileSync(join(root, 'issues', c, 'zz-open.md'), '---\nissue: 1\n正文\n');
    const cli = spawnSync(
      process.execPath,
      [BIN, 'build', '--no-pdf', '--format', 'json', '--root', root, '--out', join(root, 'by-cli')],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    const byCli = JSON.parse(cli.stdout) as Diagnostic[];
    // The binary file is an error: neither writes anything.
    expect(cli.status).toBe(1);
    rmSync(join(root, 'node_modules'), { recursive: true, force: true });
    const api = await build({ root, out: join(root, 'by-api'), pdf: false });
    const byApi = sortDiagnostics(api.diagnostics).map(({ file, line, column, severity, rule, message, fixable }) => ({
      file,
      line,
      column,
      severity,
      rule,
      message,
      ...(fixable ? { fixable } : {}),
    }));
    expect(byCli).toEqual(byApi);
    const rules = new Set(byCli.filter((d) => d.rule.startsWith('encoding/')).map((d) => `${d.file} ${d.rule}`));
    expect(rules).toEqual(
      new Set([`issues/${a}/${submissions(a)[0]} encoding/not-utf8`, `issues/${c}/zz-word.md encoding/undecodable`]),
    );

    expect(byCli.filter((d) => d.file.includes('/zz-')).length).toBeGreaterThan(6);
    // Without the odd files both build, and the same pages.
    for (const [folder, name] of [
      [c, 'zz-word.md'],
      [b, 'zz-extra.md'],
      [b, 'zz-tab.md'],
      [c, 'zz-flow.md'],
      [c, 'zz-none.md'],
      [c, 'zz-open.md'],
    ] as const) {
      rmSync(join(root, 'issues', folder, name));
    }
    rmSync(join(root, 'node_modules'), { recursive: true, force: true });
    expect(
      spawnSync(process.execPath, [BIN, 'build', '--no-pdf', '--root', root, '--out', join(root, 'by-cli')]).status,
    ).toBe(0);
    rmSync(join(root, 'node_modules'), { recursive: true, force: true });
    expect((await build({ root, out: join(root, 'by-api'), pdf: false })).written).toBeDefined();
    for (const folder of [a, b, c]) {
      const [year, n] = folder.split('-');
      const page = `${year}/${Number(n)}/index.html`;
      expect(readFileSync(join(root, 'by-cli', page), 'utf8')).toBe(readFileSync(join(root, 'by-api', page), 'utf8'));
    }
  }, 120_000);
});
