import type { Root as MdastRoot, Strong } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { renderPlainProse } from './plain-prose.js';

/** Sets the county's title bold and run in at the start of the first paragraph. */
function remarkRunInTitle() {
  return (tree: MdastRoot, file: VFile) => {
    const title = file.data['runInTitle'];
    if (typeof title !== 'string' || title === '') return;
    const strong: Strong = { type: 'strong', children: [{ type: 'text', value: `${title}。` }] };
    const first = tree.children[0];
    if (first?.type === 'paragraph') first.children.unshift(strong);
    else tree.children.unshift({ type: 'paragraph', children: [strong] });
  };
}

/** Body headings sit under the article's headline (h2): # becomes h3. */
function remarkShiftHeadings() {
  return (tree: MdastRoot) => {
    for (const node of tree.children) {
      if (node.type === 'heading') node.depth = Math.min(6, node.depth + 2) as 3 | 4 | 5 | 6;
    }
  };
}

/**
 * Creates the Markdown renderer of one build: remark (GFM) → rehype →
 * sanitize → HTML. Raw HTML in a body is dropped (never passed through), and
 * the sanitizer removes dangerous URLs and attributes from what remains.
 */
/** Renders a section body, with its run-in title, to sanitized HTML. */
export type MarkdownRenderer = (markdown: string, runInTitle?: string) => string;

/**
 * Wraps a renderer with a cache keyed by title and text, so that a rebuild
 * renders only the sections that changed.
 */
export function memoizeRenderer(render: MarkdownRenderer, cache = new Map<string, string>()): MarkdownRenderer {
  return (markdown, runInTitle) => {
    const key = `${runInTitle ?? ''}\u0000${markdown}`;
    let html = cache.get(key);
    if (html === undefined) {
      html = render(markdown, runInTitle);
      cache.set(key, html);
    }
    return html;
  };
}

export function createMarkdownRenderer(options: { plainProse?: boolean } = {}): MarkdownRenderer {
  const fastPath = options.plainProse !== false;
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRunInTitle)
    .use(remarkShiftHeadings)
    .use(remarkRehype, { allowDangerousHtml: false })
    .use(rehypeSanitize)
    .use(rehypeStringify);
  return (markdown: string, runInTitle?: string): string => {
    // Plain prose (most write-ups) skips the parser: same HTML, a fraction of the work.
    const plain = fastPath ? renderPlainProse(markdown, runInTitle) : undefined;
    if (plain !== undefined) return plain;
    const file = new VFile({ value: markdown, data: { runInTitle } });
    const tree = processor.runSync(processor.parse(file), file);
    return processor.stringify(tree, file);
  };
}
