#!/usr/bin/env node
// Bundles the compiled CLI (lib/cli.js) and its worker threads
// (lib/executor/thread-main.js, and render-worker.js, the render sandbox), with the libraries they load at every run,
// into lib/bundle/, which bin/yongzu.js runs. Run by `npm run compile` after
// tsc and the template precompiler.
//
// Why: resolving and loading ~230 small module files took 80-100 ms of every
// start (yaml alone is 73 files, 30-40 ms; hast-util-to-html and its
// dependencies 30-40 ms; as one file each, 5 and 8 ms). Modules loaded only
// for some commands stay separate chunks, still loaded only then; the
// libraries of PDFs, imports and the dev server stay outside the bundle.
//
// The chunks sit two folders below the package, like lib/*/*.js, so the
// paths the code finds from its own place (the package folder, the worker
// file, the precompiled templates) are the same.
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const repo = new URL('..', import.meta.url).pathname;
const lib = join(repo, 'lib');
const outdir = join(lib, 'bundle');

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [
    join(lib, 'cli.js'),
    join(lib, 'executor', 'thread-main.js'),
    join(lib, 'executor', 'render-worker.js'),
  ],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  sourcemap: true,
  // Loaded for PDFs, `import` and `dev` only, or holding files they serve (fonts, Paged.js).
  external: ['playwright-core', 'pagedjs', 'pdf-lib', 'mammoth', 'chokidar', '@fontsource/*', 'gray-matter'],
  // Bundled CommonJS libraries (nunjucks) require Node's own modules.
  banner: {
    js: "import { createRequire as __yongzuRequire } from 'node:module'; const require = __yongzuRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
copyFileSync(join(lib, 'render', 'builtin-templates.cjs'), join(outdir, 'builtin-templates.cjs'));
