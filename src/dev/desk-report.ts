import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codeFrame } from '../diagnostics/code-frame.js';
import { decodeSource } from '../load/decode.js';
import { parseSubmission } from '../load/parse-submission.js';
import { readBounded } from '../load/read-source.js';
import { MAX_FILE_BYTES } from '../model/limits.js';
import type { Config } from '../model/config.js';
import { countyWriteUp } from '../new/county-write-up.js';
import { findCounty } from '../rules/county/known.js';

/** A diagnostic as the desk's panel shows it. */
export interface DeskDiagnostic {
  line: number;
  column: number;
  severity: Diagnostic['severity'];
  rule: string;
  message: string;
  fixable: boolean;
  /** The excerpt with its caret, as `yongzu check` prints it. */
  excerpt: string[];
  /** A stretch of the paragraph's text as the page shows it (markup and spaces taken out), to scroll to. */
  probe?: string;
}

/** One file of an issue folder, with its diagnostics. */
export interface DeskFile {
  /** The file name in the issue folder (`03-daoxian.md`). */
  name: string;
  /** The county its front-matter names, as written, to find its section in the page. */
  county?: string;
  diagnostics: DeskDiagnostic[];
}

/** The panel's view of an issue: counties present and missing, each file's diagnostics. */
export interface DeskReport {
  present: { county: string; file: string }[];
  missing: string[];
  files: DeskFile[];
}

/** The names of an issue folder's submissions, as load lists them. */
export function submissionNames(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => /\.(md|markdown)$/i.test(n) && !/^[_.]/.test(n))
      .sort();
  } catch {
    return [];
  }
}

/**
 * The report of the issue folder `folder` from a check's diagnostics: which
 * configured counties have a write-up (by its front-matter or its file name,
 * as `new submission` finds one) and which do not, and each file's
 * diagnostics with their excerpts and a probe of the paragraph they concern.
 */
export function deskReport(
  root: string,
  folder: string,
  config: Config,
  diagnostics: readonly Diagnostic[],
): DeskReport {
  const dir = join(root, 'issues', folder);
  const present: DeskReport['present'] = [];
  const missing: string[] = [];
  for (const county of config.counties) {
    const found = countyWriteUp(dir, county, config.counties);
    if (found) present.push({ county: county.name, file: found.name });
    else missing.push(county.name);
  }
  const prefix = `issues/${folder}/`;
  const names = new Set(submissionNames(dir));
  for (const d of diagnostics) if (d.file.startsWith(prefix)) names.add(d.file.slice(prefix.length));
  const files: DeskFile[] = [];
  for (const name of [...names].sort()) {
    const text = readText(join(dir, name));
    const lines = text?.split('\n') ?? [];
    const written = text !== undefined && name !== 'issue.yml' ? countyOf(text, name) : undefined;
    const county = written === undefined ? undefined : (findCounty(config.counties, written)?.name ?? written);
    const list = diagnostics
      .filter((d) => d.file === prefix + name)
      .map((d): DeskDiagnostic => {
        const lineText = lines[d.line - 1];
        const probe = text !== undefined ? probeAt(lines, d.line) : undefined;
        return {
          line: d.line,
          column: d.column,
          severity: d.severity,
          rule: d.rule,
          message: d.message,
          fixable: d.fixable === true,
          excerpt: lineText === undefined ? [] : codeFrame(lineText, d.line, d.column, 60),
          ...(probe ? { probe } : {}),
        };
      });
    files.push({ name, ...(county ? { county } : {}), diagnostics: list });
  }
  return { present, missing, files };
}

function readText(file: string): string | undefined {
  try {
    // A file past check's limit is not read (check refused it unread).
    const { bytes } = readBounded(file, MAX_FILE_BYTES);
    const decoded = bytes ? decodeSource(bytes) : undefined;
    return decoded?.ok ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

function countyOf(text: string, name: string): string | undefined {
  const county = parseSubmission(text, name).value.front?.data?.['county'];
  return typeof county === 'string' ? county.trim() : undefined;
}

/** Markdown's marks taken out of a line, roughly as the page shows its text, without spaces. */
function shownText(line: string): string {
  return line
    .replace(/^\s{0,3}(#{1,6}\s|>\s?|[-*+]\s|\d+[.)]\s)/, '')
    .replace(/\\(.)/g, '$1')
    .replace(/(\*\*|__|~~|[*_`|])/g, '')
    .replace(/\s+/g, '');
}

/**
 * Up to 16 characters of the text shown for source line `line` (1-based): the
 * line itself, or for a front-matter title the title (shown at the head of
 * its section); undefined for other front-matter and for blank lines.
 */
function probeAt(lines: readonly string[], line: number): string | undefined {
  const close = lines[0]?.trim() === '---' ? lines.indexOf('---', 1) : -1;
  const raw = lines[line - 1] ?? '';
  if (close >= 0 && line <= close + 1) {
    const title = /^title:\s*(.*)$/.exec(raw);
    const value = title?.[1]?.replace(/^(["'])(.*)\1$/, '$2');
    return value ? shownText(value).slice(0, 16) || undefined : undefined;
  }
  const shown = shownText(raw);
  return shown.length >= 2 ? shown.slice(0, 16) : undefined;
}
