import { createDiagnostic, type Diagnostic, type Place, type Severity } from '../diagnostics/diagnostic.js';

/**
 * One entry of the rule catalogue (src/rules/<family>/<name>.ts). Its id,
 * severity and Chinese texts are plain data, read by `yongzu rules`,
 * `yongzu explain` and the generated docs/editors/rules.md; its `report` makes
 * every diagnostic of the rule, so no id is written anywhere else.
 */
interface RuleText {
  /** `family/name`, the module's path under src/rules/ too. */
  id: string;
  severity: Severity;
  /** One Chinese line: what the rule catches. */
  summary: string;
  /** A Chinese paragraph: what the rule checks, and why. */
  description: string;
  /** Chinese: how to fix it (naming `check --fix` when it applies). */
  fix: string;
}

/** A rule about a source (a submission, issue.yml, the configuration, the folders): runnable examples. */
export interface SourceRuleInfo extends RuleText {
  kind: 'source';
  /** `yongzu check --fix` corrects some of its findings. */
  fixable?: boolean;
  examples: { fail: readonly Example[]; pass: readonly Example[] };
}

/** A diagnostic a command gives about its own run (writing, printing, importing): no examples to run. */
export interface RunRuleInfo extends RuleText {
  kind: 'run';
}

export type RuleInfo = SourceRuleInfo | RunRuleInfo;

export type Rule = RuleInfo & {
  /** A diagnostic of this rule; the place defaults to the top of the file. */
  report(file: string, place: Place | undefined, message: string): Diagnostic;
};

/**
 * Prose as the copy and content rules read it: a submission's body (or its
 * title). `at` is where the first diagnostic is, `line:column` in the text;
 * `fixed` is the text after `check --fix`.
 */
export interface TextExample {
  text: string;
  at?: string;
  fixed?: string;
  note?: string;
}

/**
 * A tiny project: files over the example project (examples.ts), by path; null
 * removes a file or folder. `at` is where the first diagnostic is,
 * `file:line:column`.
 */
export interface ProjectExample {
  files: Readonly<Record<string, ExampleFile>>;
  at?: string;
  note?: string;
}

/**
 * A file of an example: UTF-8 text; text saved in another encoding; bytes in
 * hex; a line repeated (a large file); or null (removed).
 */
export type ExampleFile =
  | string
  | null
  | { text: string; encoding: 'gb18030' | 'utf-16le' }
  | { hex: string }
  | { repeat: string; times: number };

export type Example = TextExample | ProjectExample;

export const isTextExample = (example: Example): example is TextExample => 'text' in example;

/** Makes a rule of its catalogue entry: the entry, and `report` for its diagnostics. */
export function defineRule<T extends RuleInfo>(info: T): T & Pick<Rule, 'report'> {
  return {
    ...info,
    report: (file, place, message) => createDiagnostic(file, place, info.severity, info.id, message),
  };
}
