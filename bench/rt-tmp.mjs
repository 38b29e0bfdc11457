import { check } from '../lib/api.js';
import { mergeIssue } from '../lib/merge/merge-issue.js';
import { createTemplateEnv } from '../lib/render/templates.js';
import { createSiteModel } from '../lib/site/site-model.js';
import { renderIssuePages } from '../lib/site/render-issue-pages.js';
import { renderSite } from '../lib/site/render-site.js';
import { createMarkdownRenderer, loadMarkdownPipeline } from '../lib/render/markdown.js';
const root = '/tmp/b/c500';
const c = await check({ root });
await loadMarkdownPipeline(c.issues.flatMap((i) => i.submissions.map((s) => s.body)));
const issues = c.issues.map((i) => mergeIssue(i, c.config));
const md = createMarkdownRenderer();
for (let round = 0; round < 4; round++) {
  const env = createTemplateEnv(root);
  const model = createSiteModel(issues, c.config.counties);
  let t = performance.now();
  const pages = renderIssuePages(model, c.config, env, { pdf: false }, md);
  const a = performance.now() - t;
  t = performance.now();
  const site = renderSite(issues, c.config, env, { pdf: false }, md);
  console.log(`round ${round}: issue pages ${a.toFixed(0)} ms; whole site ${(performance.now() - t).toFixed(0)} ms; ${site.files.length} files`);
}
