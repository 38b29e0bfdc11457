import type { Diagnostic } from './diagnostic.js';

/**
 * Diagnostics in a compact form for the caches: tens of thousands of warnings
 * share a few files, rules and messages, so those go into tables and each
 * diagnostic becomes six numbers (the severity's holds whether check --fix fixes it). Writing and reading it back takes
 * milliseconds; the same list as plain JSON is megabytes.
 */
export interface DiagnosticTables {
  files: string[];
  rules: string[];
  messages: string[];
}

/** Packs lists of diagnostics into rows of numbers over tables shared by all of them. */
export function createDiagnosticPacker(): { pack(list: readonly Diagnostic[]): number[]; tables(): DiagnosticTables } {
  const tables = {
    files: new Map<string, number>(),
    rules: new Map<string, number>(),
    messages: new Map<string, number>(),
  };
  const index = (table: Map<string, number>, value: string) => {
    let i = table.get(value);
    if (i === undefined) table.set(value, (i = table.size));
    return i;
  };
  return {
    pack(list) {
      // Sized at once: tens of thousands of rows grown by push were copied over and over.
      const rows = new Array<number>(list.length * 6);
      let i = 0;
      for (const d of list) {
        rows[i++] = index(tables.files, d.file);
        rows[i++] = d.line;
        rows[i++] = d.column;
        rows[i++] = (d.severity === 'error' ? 1 : 0) | (d.fixable ? 2 : 0);
        rows[i++] = index(tables.rules, d.rule);
        rows[i++] = index(tables.messages, d.message);
      }
      return rows;
    },
    tables: () => ({
      files: [...tables.files.keys()],
      rules: [...tables.rules.keys()],
      messages: [...tables.messages.keys()],
    }),
  };
}

/** The diagnostics of rows made by a packer, with its tables. */
export function unpackDiagnostics(rows: ArrayLike<number>, t: DiagnosticTables): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 0; i < rows.length; i += 6) {
    const d: Diagnostic = {
      file: t.files[rows[i]!]!,
      line: rows[i + 1]!,
      column: rows[i + 2]!,
      severity: rows[i + 3]! & 1 ? 'error' : 'warning',
      rule: t.rules[rows[i + 4]!]!,
      message: t.messages[rows[i + 5]!]!,
    };
    if (rows[i + 3]! & 2) d.fixable = true;
    out.push(d);
  }
  return out;
}
