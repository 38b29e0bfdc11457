import { footnoteIds, footnoteKeys } from './footnote-ids.js';
import type { MarkdownRenderer } from './markdown.js';
import type { IssueModel } from '../model/issue-model.js';

// The archive site itself is rendered by src/site/ (renderSite in src/site/render-site.ts).

type RenderedArticles = ReturnType<typeof renderAll>;
const rendered = new WeakMap<IssueModel, { markdown: MarkdownRenderer; articles: RenderedArticles }>();

/**
 * Renders each section's Markdown to sanitized HTML, its footnotes' ids made
 * unique in the issue (footnote-ids.ts: the site's issue page and the print
 * page both show every section); an issue rendered with the same renderer
 * before (the search records, then the issue page) is not rendered or looked
 * up again.
 */
export function renderArticles(issue: IssueModel, markdown: MarkdownRenderer): RenderedArticles {
  const hit = rendered.get(issue);
  if (hit && hit.markdown === markdown) return hit.articles;
  const articles = renderAll(issue, markdown);
  rendered.set(issue, { markdown, articles });
  return articles;
}

function renderAll(issue: IssueModel, markdown: MarkdownRenderer) {
  const keys = footnoteKeys(issue.articles.flatMap((a) => a.sections));
  let at = 0;
  return issue.articles.map((article) => ({
    ...article,
    sections: article.sections.map((s) => {
      const key = keys[at++]!;
      try {
        return { ...s, html: footnoteIds(markdown(s.body, s.title), key) };
      } catch (e) {
        throw new SectionRenderError(s.file, e);
      }
    }),
  }));
}

/** A section's Markdown could not be rendered (the nesting guard should make this unreachable). */
export class SectionRenderError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`cannot render ${file}`, { cause });
  }
}
