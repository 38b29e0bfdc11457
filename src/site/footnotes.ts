/**
 * Footnotes on an issue page. The renderer writes each section's notes with
 * ids the sanitizer has prefixed once more than the links to them
 * (`id="user-content-user-content-fn-1"`, `href="#user-content-fn-1"`), and
 * every section numbers its notes from 1: on a page of four write-ups the
 * links went nowhere, and the ids would clash. Here each section's notes take
 * the section's id as their prefix (`jianghua-fn-1`), on the ids, the links
 * and the references' aria-describedby alike.
 */
export function siteFootnotes(html: string, sectionId: string): string {
  if (!html.includes('data-footnotes')) return html;
  return html.replace(
    / (id|href|aria-describedby)="(#?)(?:user-content-)+/g,
    (_m, name: string, hash: string) => ` ${name}="${hash}${sectionId}-`,
  );
}
