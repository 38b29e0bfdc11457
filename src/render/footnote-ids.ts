/**
 * Footnote ids unique on a page of several write-ups. The renderer numbers
 * each write-up's notes from 1 and the sanitizer prefixes their ids with
 * `user-content-` once more than the links to them
 * (`id="user-content-user-content-fn-1"`, `href="#user-content-fn-1"`), so
 * on an issue page (site or print) the links went nowhere, or to the first
 * write-up's note. Sections are rendered once per body text (the memo), so
 * the ids are given here, per section of an issue, after the memo.
 */
import type { Section } from '../model/issue-model.js';

/** A footnote id, link target or aria-describedby, as the renderer writes it (inside a tag only). */
const FOOTNOTE_REF = / (id|aria-describedby)="(?:user-content-)+| href="#(?:user-content-)+/g;

/**
 * The section's footnote ids, links and aria-describedby with one prefix:
 * `user-content-` (ids never clobber the page's globals) and the section's
 * `key` (footnoteKeys), then the renderer's own id: `user-content-jianghua_fn-1`.
 */
export function footnoteIds(html: string, key: string): string {
  if (!html.includes('data-footnotes')) return html;
  return html.replace(/<[a-z][^>]*>/g, (tag) =>
    tag.replace(FOOTNOTE_REF, (_m, name: string | undefined) =>
      name ? ` ${name}="user-content-${key}_` : ` href="#user-content-${key}_`,
    ),
  );
}

/**
 * A key for each section of an issue, in order, unique in the issue: the
 * section's id (its county's slug: lowercase letters, digits, hyphens), with
 * `_2`, `_3` … when the county writes under another theme of the same issue.
 * The `_` after the key cannot occur in a slug, so no two keys give one id.
 */
export function footnoteKeys(sections: readonly Pick<Section, 'id'>[]): string[] {
  const seen = new Map<string, number>();
  return sections.map(({ id }) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}_${n}`;
  });
}
