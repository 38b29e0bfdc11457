import type { IssueModel } from '../merge/merge-issue.js';
import type { MarkdownRenderer } from './markdown.js';

// The archive site itself is rendered by src/site/ (renderSite in src/site/render-site.ts).

/** Renders each section's Markdown to sanitized HTML. */
export function renderArticles(issue: IssueModel, markdown: MarkdownRenderer) {
  return issue.articles.map((article) => ({
    ...article,
    sections: article.sections.map((s) => {
      try {
        return { ...s, html: markdown(s.body, s.title) };
      } catch (e) {
        throw new SectionRenderError(s.file, e);
      }
    }),
  }));
}

/** A section's Markdown could not be rendered (the nesting guard should make this unreachable). */
export class SectionRenderError extends Error {
  constructor(readonly file: string, cause: unknown) {
    super(`cannot render ${file}`, { cause });
  }
}
