import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/catalogue.js';
import { RULES_DOC, rulesMarkdown } from '../src/rules/rules-doc.js';
import { REPO } from './helpers.js';

describe('the rules reference (docs/editors/rules.md)', () => {
  it('is what the catalogue generates: run `npm run docs` after changing a rule', () => {
    expect(readFileSync(join(REPO, RULES_DOC), 'utf8')).toBe(rulesMarkdown());
  });

  it('has a section for every rule, with its examples or none', () => {
    const doc = rulesMarkdown();
    for (const rule of RULES) {
      const start = doc.indexOf(`### ${rule.id}\n`);
      expect(start, rule.id).toBeGreaterThan(0);
      const next = doc.indexOf('\n### ', start + 1);
      // The texts as written, Markdown's escapes taken out.
      const section = doc.slice(start, next === -1 ? undefined : next).replace(/\\(.)/g, '$1');
      expect(section).toContain(rule.description);
      expect(section).toContain(`**改法**：${rule.fix}`);
      if (rule.kind === 'source') {
        expect(section).toContain('**错误示例**');
        expect(section).toContain('**正确示例**');
      } else expect(section).toContain('没有示例');
    }
  });
});
