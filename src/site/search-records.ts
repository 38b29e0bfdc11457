import type { IssueModel } from '../model/issue-model.js';
import type { RenderedSection, SearchDoc } from '../search/records.js';
import { issuePagePath } from './site-paths.js';

/**
 * One doc per county write-up, so a result leads to the write-up's anchor in
 * its issue page rather than to the top of the issue. The result's title is
 * the write-up's own headline; its county is shown beside it, not repeated.
 */
export function createSearchDocs(
  issue: IssueModel,
  articles: readonly {
    theme: string;
    sections: readonly (RenderedSection & { file: string; county: { name: string } })[];
  }[],
): SearchDoc[] {
  const label = `${issue.year}年第${issue.issue}期（总第${issue.total}期）`;
  const page = issuePagePath(issue);
  return articles.flatMap((article) =>
    article.sections.map((section) => ({
      file: section.file,
      html: section.html,
      meta: {
        title: section.title,
        county: section.county.name,
        year: issue.year,
        issue: label,
        date: issue.dateText,
        theme: article.theme,
        href: `${page}#${section.id}`,
      },
    })),
  );
}
