#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/ into lib/, and bundled into
// lib/bundle/ (scripts/bundle.mjs), by `npm ci` (prepare) or `npm run compile`.
import { main } from '../lib/bundle/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // A crash here is a bug in yongzu, not bad input: show it in full.
    console.error(error);
    process.exitCode = 2;
  },
);
