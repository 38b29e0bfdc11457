import { readdirSync, readFileSync } from 'node:fs';
const which = process.argv[2];
const root = '/tmp/b/c500/issues'; const texts = [];
for (const d of readdirSync(root)) for (const f of readdirSync(`${root}/${d}`)) if (f.endsWith('.md')) { const t = readFileSync(`${root}/${d}/${f}`, 'utf8'); const m = /^---\n([\s\S]*?)\n---/.exec(t); texts.push(m[1] + '\n'); }
const t0 = performance.now(); const m0 = process.memoryUsage().heapUsed;
if (which === 'js5') { const { parseEvents, constructFromEvents } = await import('js-yaml'); for (const t of texts) { const ev = parseEvents(t, {}); constructFromEvents(ev, { source: t }); } }
if (which === 'js5load') { const { load } = await import('js-yaml'); for (const t of texts) load(t); }
if (which === 'js4') { const y = (await import('/work/main/node_modules/@11ty/eleventy/node_modules/js-yaml/index.js')).default; for (const t of texts) y.load(t); }
if (which === 'js3') { const y = (await import('/work/main/node_modules/gray-matter/node_modules/js-yaml/index.js')).default; for (const t of texts) y.load(t); }
if (which === 'yaml') { const { parseDocument } = await import('yaml'); for (const t of texts) { const d = parseDocument(t, { prettyErrors: false, uniqueKeys: true }); d.toJS({ maxAliasCount: 100 }); } }
console.log(which, (performance.now() - t0).toFixed(0), 'ms');
if (which === 'yamlcst') { const { Parser } = await import('yaml'); for (const t of texts) { for (const tok of new Parser().parse(t)) {} } console.log('cst', (performance.now() - t0).toFixed(0)); }
if (which === 'yamllex') { const { Lexer } = await import('yaml'); for (const t of texts) { for (const tok of new Lexer().lex(t)) {} } console.log('lex', (performance.now() - t0).toFixed(0)); }
if (which === 'yamldoc') { const { parseDocument } = await import('yaml'); for (const t of texts) { const d = parseDocument(t, { prettyErrors: false, uniqueKeys: true }); } console.log('doc', (performance.now() - t0).toFixed(0)); }
