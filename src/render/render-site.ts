import type { IssueModel } from '../merge/merge-issue.js';
import type { createMarkdownRenderer } from './markdown.js';

// The archive site itself is rendered by src/site/ (renderSite in src/site/render-site.ts).

/** Renders each section's Markdown to sanitized HTML. */
export function renderArticles(issue: IssueModel, markdown: ReturnType<typeof createMarkdownRenderer>) {
  return issue.articles.map((article) => ({
    ...article,
    sections: article.sections.map((s) => ({ ...s, html: markdown(s.body, s.title) })),
  }));
}
