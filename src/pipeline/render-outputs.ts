import type nunjucks from 'nunjucks';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { mergeIssue } from '../merge/merge-issue.js';
import type { Config } from '../model/config.js';
import type { IssueModel } from '../model/issue-model.js';
import type { OutputFile } from '../model/output-file.js';
import { createMarkdownRenderer, type MarkdownRenderer, memoizeRenderer } from '../render/markdown.js';
import { SectionRenderError } from '../render/render-articles.js';
import type { SiteOptions } from '../site/page-context.js';
import { renderSite } from '../site/render-site.js';
import type { CheckedSources } from './check-sources.js';
import { renderMarkdown } from '../rules/render/markdown.js';
import { renderTemplate } from '../rules/render/template.js';

/** The second half's first step: each checked issue merged into its model (memoized by the checked issue). */
export function mergeIssues(checked: CheckedSources): IssueModel[] {
  const { memo, config } = checked;
  return checked.issues.map((issue) => {
    let model = memo.merged.get(issue);
    if (!model) memo.merged.set(issue, (model = mergeIssue(issue, config)));
    return model;
  });
}

/** The section renderer over the memo store's sections (rendered as the folders were checked). */
export function sectionRenderer(checked: CheckedSources): MarkdownRenderer {
  return memoizeRenderer(createMarkdownRenderer(), checked.memo.sections);
}

/**
 * The site's pages, feed and sitemap, each handed to `emit` as it is
 * rendered. A failure (a bug in a template, a section that cannot be
 * rendered) becomes an error diagnostic naming its place, for `build` and
 * `dev` alike; what was emitted before it is then to be thrown away.
 */
export function renderSiteFiles(
  models: readonly IssueModel[],
  config: Config,
  env: nunjucks.Environment,
  options: SiteOptions,
  markdown: MarkdownRenderer,
  emit: (file: OutputFile) => void,
): Diagnostic[] {
  try {
    renderSite(models, config, env, options, markdown, emit);
    return [];
  } catch (e) {
    return [renderFailure(e)];
  }
}

/** A render failure as the diagnostic an editor can act on. */
export function renderFailure(e: unknown): Diagnostic {
  if (e instanceof SectionRenderError) {
    return renderMarkdown.report(
      e.file,
      undefined,
      '这篇稿件的正文无法排版（结构过于复杂），本次未写入任何文件。请检查是否误粘贴了大量符号。',
    );
  }
  // nunjucks reports template bugs as errors naming the template and line.
  return renderTemplate.report(
    'templates',
    undefined,
    `模板出错，本次未写入任何文件：${(e as Error).message.replace(/\s+/g, ' ').trim()}。请改正 templates/ 下的模板。`,
  );
}

/** A failure to make the print page (preview or PDF) as a diagnostic: a section, or the print template. */
export function printFailure(e: unknown): Diagnostic {
  if (e instanceof SectionRenderError) return renderFailure(e);
  return renderTemplate.report(
    'templates/print.njk',
    undefined,
    `印刷模板出错，无法生成打印预览：${(e as Error).message.replace(/\s+/g, ' ').trim()}。请改正 templates/print.njk。`,
  );
}
