import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { COPY_RULES } from '../rules/copy-rules.js';
import { bodySpan, type TextSpan } from './text-span.js';

/** The copy rules' findings in a stretch of text, as warnings (one loop: a long text can hold thousands). */
export function copyDiagnostics(file: string, span: TextSpan): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of COPY_RULES) {
    for (const f of rule.check(span.text)) out.push(rule.report(file, span.place(f.index), f.message));
  }
  return out;
}

/** A submission's body as the copy rules see it (its prose), for check-project and the copy worker. */
export interface BodyText {
  file: string;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

/** The copy rules' warnings on a body's prose. */
export function bodyCopyDiagnostics({ file, body, bodyLine }: BodyText): Diagnostic[] {
  return copyDiagnostics(file, bodySpan(body, bodyLine));
}
