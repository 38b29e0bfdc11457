import type { Root as MdastRoot, Strong } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';

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
 * The full Markdown pipeline: remark (GFM) → rehype → sanitize → HTML. Raw
 * HTML in a body is dropped (never passed through), and the sanitizer
 * removes dangerous URLs and attributes from what remains.
 */
export function createPipelineRenderer(): (markdown: string, runInTitle?: string) => string {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRunInTitle)
    .use(remarkShiftHeadings)
    .use(remarkRehype, { allowDangerousHtml: false })
    .use(rehypeSanitize)
    .use(rehypeStringify);
  return (markdown: string, runInTitle?: string): string => {
    const file = new VFile({ value: markdown, data: { runInTitle } });
    const tree = processor.runSync(processor.parse(file), file);
    return processor.stringify(tree, file);
  };
}
