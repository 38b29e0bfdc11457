import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { BIN, edit, sampleProject } from './helpers.js';

/**
 * build and dev run one pipeline: the same broken sources give the same
 * errors, whether a build reports them (JSON) or a running `yongzu dev`
 * shows them (its event stream, which carries errors only).
 */
const BROKEN: Record<string, (root: string) => void> = {
  'a YAML error': (root) => edit(root, 'issues/2009-18/02-shuangpai.md', 'county: 双牌县', 'county: "双牌县'),
  'an unknown county': (root) => edit(root, 'issues/2009-18/04-qiyang.md', 'county: 祁阳县', 'county: 永州县'),
  'a bad issue.yml date': (root) => edit(root, 'issues/2009-18/issue.yml', 'date: 2009-06-15', 'date: 2009-13-01'),
  'a template error': (root) => {
    mkdirSync(join(root, 'templates'), { recursive: true });
    writeFileSync(join(root, 'templates', 'index.njk'), '<p>{{ x | nosuchfilter }}</p>');
  },
};

/** The errors of a CLI build, as the JSON report gives them. */
function buildErrors(root: string): Diagnostic[] {
  const r = spawnSync(process.execPath, [BIN, 'build', '--no-pdf', '--format', 'json', '--root', root], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.status).toBe(1);
  return (JSON.parse(r.stdout) as Diagnostic[]).filter((d) => d.severity === 'error');
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGTERM');
});

/** Starts `yongzu dev` on a free port and returns the errors its event stream shows after the first build. */
async function devErrors(root: string): Promise<Diagnostic[]> {
  const child = spawn(process.execPath, [BIN, 'dev', '--port', '0', '--root', root], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev did not start: ${output}`)), 30_000);
    const read = (d: Buffer) => {
      output += String(d);
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
  });
  const res = await fetch(`${url}__yongzu/events`);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const cut = buffer.indexOf('\n\n');
    if (cut !== -1) {
      const m = /^event: diagnostics\ndata: (.*)$/m.exec(buffer.slice(0, cut));
      buffer = buffer.slice(cut + 2);
      if (m) {
        await reader.cancel();
        return JSON.parse(m[1]!) as Diagnostic[];
      }
      continue;
    }
    const { value, done } = await reader.read();
    if (done) throw new Error('event stream ended');
    buffer += decoder.decode(value, { stream: true });
  }
}

describe('one pipeline for build and dev', () => {
  for (const [name, breakIt] of Object.entries(BROKEN)) {
    it(`${name}: build and a running dev report the same errors`, async () => {
      const root = sampleProject();
      breakIt(root);
      const fromBuild = buildErrors(root);
      expect(fromBuild.length).toBeGreaterThan(0);
      const fromDev = await devErrors(root);
      const key = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`;
      expect(fromDev.map(key).sort()).toEqual(fromBuild.map(key).sort());
    }, 90_000);
  }
});
