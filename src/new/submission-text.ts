import { stringify } from 'yaml';

/**
 * The text of a submission file: front-matter written by the YAML library (so values are quoted when they must be),
 * then the body.
 */
export function submissionText(
  front: { issue: number; county: string; theme: string; title: string; author?: string },
  body: string,
): string {
  const yaml = stringify(front, { lineWidth: 0 });
  return `---\n${yaml}---\n\n${body.trim()}\n`;
}
