#!/usr/bin/env node
// Writes docs/editors/rules.md, the rules reference of the editors' guide
// (检查规则一览), from the rule catalogue (src/rules/, compiled into lib/rules/).
// Run by `npm run docs`, which compiles first. test/rules-doc.test.ts fails
// when the committed file differs from what the catalogue generates.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RULES_DOC, rulesMarkdown } from '../lib/rules/rules-doc.js';

const file = join(new URL('..', import.meta.url).pathname, RULES_DOC);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, rulesMarkdown());
console.log(`Wrote ${RULES_DOC}.`);
