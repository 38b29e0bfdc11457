// Minimal Eleventy 3 project rendering a yongzu corpus, for the benchmark only:
// each Markdown submission becomes a page through a nunjucks layout, and each
// issue folder gets one page listing its submissions (pagination over a
// collection grouped by folder).
//
//   ELEVENTY_INPUT=CORPUS/issues npx @11ty/eleventy --config=bench/eleventy/eleventy.config.mjs --output=OUT
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export default function (eleventyConfig) {
  const input = process.env.ELEVENTY_INPUT;
  if (!input) throw new Error('set ELEVENTY_INPUT to the corpus issues/ folder');
  eleventyConfig.addGlobalData('layout', 'page.njk');
  eleventyConfig.addCollection('byFolder', (api) => {
    const groups = new Map();
    for (const item of api.getAll().filter((item) => item.inputPath.endsWith('.md'))) {
      const folder = relative(input, dirname(item.inputPath)).split('\\').join('/');
      if (!groups.has(folder)) groups.set(folder, []);
      groups.get(folder).push(item);
    }
    return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([folder, items]) => ({ folder, items }));
  });
  // The layout is a virtual template too, so that the corpus folder holds only the corpus.
  eleventyConfig.addTemplate('_includes/page.njk', readFileSync(join(here, 'page.njk'), 'utf8'));
  eleventyConfig.addTemplate('folder-pages.njk', readFileSync(join(here, 'folder.njk'), 'utf8'), {
    layout: false,
    pagination: { data: 'collections.byFolder', size: 1, alias: 'group' },
    permalink: '{{ group.folder }}/index.html',
  });
  return {
    dir: { input, includes: '_includes', output: '_site' },
    templateFormats: ['md', 'njk'],
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
  };
}
