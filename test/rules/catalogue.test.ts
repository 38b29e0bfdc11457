import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api.js';
import { FAMILIES, familyOf, RULES } from '../../src/rules/catalogue.js';
import { EXAMPLE_PROJECT } from '../../src/rules/examples.js';
import { isTextExample } from '../../src/rules/rule.js';
import { makeProject, REPO, sampleProject } from '../helpers.js';

const SRC = join(REPO, 'src');
const RULES_DIR = join(SRC, 'rules');

/** Every .ts file under a folder, relative to src/. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [relative(SRC, join(dir, e.name)).split('\\').join('/')]
        : [],
  );
}

/** A source's code without its comments (lines that are comments: `//`, and the lines of `/** … *\/` blocks). */
function code(file: string): string {
  return readFileSync(join(SRC, file), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join('\n');
}

const FAMILY_IDS = FAMILIES.map((f) => f.id);

describe('the catalogue', () => {
  it('has each id once, written family/name, in its family', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const family of FAMILIES)
      for (const rule of family.rules) {
        expect(rule.id).toMatch(/^[a-z]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(familyOf(rule.id), rule.id).toBe(family.id);
      }
  });

  it('has every rule in the module its id names, src/rules/<family>/<name>.ts, and nothing else there', async () => {
    for (const rule of RULES) {
      const module = (await import(/* @vite-ignore */ join(RULES_DIR, `${rule.id}.ts`))) as Record<string, unknown>;
      const exported = Object.values(module).filter((v) => typeof v === 'object' && v !== null && 'report' in v);
      expect(exported, rule.id).toEqual([rule]);
    }
    const folders = readdirSync(RULES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(folders.map((e) => e.name).sort()).toEqual([...FAMILY_IDS].sort());
    const modules = folders.flatMap((f) => sources(join(RULES_DIR, f.name)).map((p) => p.slice('rules/'.length, -3)));
    expect(modules.sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('gives every rule about a source failing examples (with a place) and passing ones, a rule about a run none', () => {
    for (const rule of RULES) {
      if (rule.kind === 'source') {
        expect(rule.examples.fail.length, rule.id).toBeGreaterThan(0);
        expect(rule.examples.pass.length, rule.id).toBeGreaterThan(0);
        for (const e of rule.examples.fail) expect(e.at, `${rule.id}: where its first diagnostic is`).toBeDefined();
        for (const e of rule.examples.pass)
          expect([e.at, 'fixed' in e ? e.fixed : undefined], rule.id).toEqual([undefined, undefined]);
      } else expect('examples' in rule, rule.id).toBe(false);
    }
  });

  it('describes every rule in Chinese: a one-line summary, what and why, how to fix', () => {
    const han = /[\u4e00-\u9fff]/;
    for (const rule of RULES) {
      expect(rule.summary, rule.id).toMatch(han);
      expect(rule.summary, rule.id).not.toMatch(/\n|。$/);
      expect(rule.description.length, rule.id).toBeGreaterThan(rule.summary.length);
      expect(rule.description, rule.id).toMatch(han);
      expect(rule.fix, rule.id).toMatch(han);
    }
  });

  it('says `check --fix` where it fixes, and shows the fixed text', () => {
    for (const rule of RULES) {
      const fixable = rule.kind === 'source' && rule.fixable === true;
      expect(rule.fix.includes('check --fix'), rule.id).toBe(fixable);
      if (rule.kind !== 'source') continue;
      const fixed = rule.examples.fail.filter((e) => isTextExample(e) && e.fixed !== undefined);
      if (fixable) expect(fixed.length, rule.id).toBeGreaterThan(0);
      else expect(fixed, rule.id).toEqual([]);
    }
  });
});

describe('rule ids in the code', () => {
  const outside = sources(SRC).filter((f) => !f.startsWith('rules/'));

  it('are written nowhere in src/ but in the catalogue: every diagnostic is made by its rule', () => {
    const literal = /(['"`])([a-z][a-z0-9-]*\/[a-z0-9-]+)\1/g;
    const found = outside.flatMap((file) =>
      [...code(file).matchAll(literal)]
        .filter((m) => FAMILY_IDS.includes(familyOf(m[2]!)))
        .map((m) => `${file}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });

  it('make diagnostics only through a rule, defined only in the catalogue', () => {
    const made = sources(SRC).filter((f) => /\bcreateDiagnostic\(|\brule: ['"`]/.test(code(f)));
    expect(made).toEqual(['diagnostics/diagnostic.ts', 'rules/rule.ts']);
    const defined = sources(SRC).filter((f) => /\bdefine(Copy)?Rule\(/.test(code(f)));
    const modules = RULES.map((r) => `rules/${r.id}.ts`);
    expect(defined.filter((f) => !modules.includes(f))).toEqual(['rules/text-finding.ts']);
  });

  it('are all in the catalogue when the sample is checked', async () => {
    const ids = RULES.map((r) => r.id);
    for (const d of (await check({ root: sampleProject() })).diagnostics) expect(ids).toContain(d.rule);
  });
});

describe('the example project and the sample issue', () => {
  it('the example project passes every rule without a word', async () => {
    const root = makeProject(EXAMPLE_PROJECT);
    expect((await check({ root })).diagnostics).toEqual([]);
  });

  it('the sample issue has no errors', async () => {
    const { diagnostics, issues } = await check({ root: sampleProject() });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.submissions.map((s) => s.county.name)).toEqual(['江华县', '双牌县', '道县', '祁阳县']);
  });
});
