import type { Root as MdastRoot, Nodes, Parent, Strong } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { imageCaptionText } from '../text/image-caption.js';
import { MARKDOWN_SYNTAX } from '../text/markdown-syntax.js';
import { breakVanishes, joinCjkLines } from '../util/cjk.js';

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

/** Containers that go with their content when an image was all they held. */
const EMPTIED = new Set(['paragraph', 'heading', 'link', 'linkReference', 'emphasis', 'strong', 'delete']);

/**
 * The bulletin prints text only: every image of a body (`![说明](照片.jpg)`,
 * a remote one, `![说明][ref]`, one inside a link) becomes its description as
 * text, 〔图：说明〕 (text/image-caption.ts), or nothing when it has none, so
 * that no output (site, print, feed, search) has an <img> from a body, and
 * all agree. A paragraph, heading, link or emphasis that held only such an
 * image goes with it. content/image tells the editor.
 */
function remarkImagesToText() {
  /** Whether `node` held an image: its images are replaced, its emptied children dropped. */
  const walk = (node: Parent): boolean => {
    let changed = false;
    /** A node was just left out: a line it held alone leaves no blank line in the paragraph. */
    let dropped = false;
    const out: Nodes[] = [];
    for (const child of node.children as Nodes[]) {
      if (child.type === 'image' || child.type === 'imageReference') {
        changed = true;
        const caption = imageCaptionText(child.alt ?? '');
        dropped = caption === undefined;
        if (caption) append(out, { type: 'text', value: caption }, false);
        continue;
      }
      if ('children' in child && walk(child)) {
        changed = true;
        if (EMPTIED.has(child.type) && isBlank(child)) {
          dropped = true;
          continue;
        }
      }
      append(out, child, dropped);
      dropped = false;
    }
    if (changed) node.children = out as typeof node.children;
    return changed;
  };
  return (tree: MdastRoot) => {
    walk(tree);
  };
}

/** Adds `node` to `out`, merged into the text node before it (after a line left empty, without that line's break). */
function append(out: Nodes[], node: Nodes, afterDropped: boolean): void {
  const last = out.at(-1);
  if (node.type !== 'text' || last?.type !== 'text') {
    out.push(node);
    return;
  }
  const right = afterDropped && /\n[ \t]*$/.test(last.value) ? node.value.replace(/^[ \t]*\n/, '') : node.value;
  last.value += right;
}

function isBlank(node: Parent): boolean {
  return (node.children as Nodes[]).every((c) => (c.type === 'text' && c.value.trim() === '') || c.type === 'break');
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
 * Drops the soft line breaks that fall between two Chinese characters (an
 * editor's or Word's wrapping), which HTML would show as a space; a break
 * between Latin words stays. Breaks at the edge of a text node are judged
 * by the neighbouring node's text (`中\n**强**`). The nesting guard bounds
 * the depth of the walk.
 */
function remarkJoinCjkLines() {
  const walk = (node: Nodes) => {
    if (!('children' in node)) return;
    const children = node.children as Nodes[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type !== 'text') {
        walk(child);
        continue;
      }
      let value = joinCjkLines(child.value);
      const prev = children[i - 1];
      const next = children[i + 1];
      if (prev && /^[ \t]*\n/.test(value) && breakVanishes(textOf(prev), value.replace(/^[ \t]*\n[ \t]*/, ''))) {
        value = value.replace(/^[ \t]*\n[ \t]*/, '');
      }
      if (next && /\n[ \t]*$/.test(value) && breakVanishes(value.replace(/[ \t]*\n[ \t]*$/, ''), textOf(next))) {
        value = value.replace(/[ \t]*\n[ \t]*$/, '');
      }
      child.value = value;
    }
  };
  return (tree: MdastRoot) => walk(tree);
}

/**
 * Footnotes (GFM `[^1]`) in Chinese: the list's heading, seen by screen
 * readers only, is 注释 (not "Footnotes"), and each note's link back to its
 * reference reads 返回 (not ↩, which the site's and the print's faces lack),
 * its accessible name saying where it leads. The print replaces both
 * (src/pdf/print-html.ts), the search leaves them out (src/search/records.ts).
 */
const FOOTNOTE_WORDS = {
  footnoteLabel: '注释',
  footnoteBackContent: '返回',
  footnoteBackLabel: (note: number, again: number) =>
    `返回注释${note + 1}在正文中的引用处${again > 1 ? `（第${again}处）` : ''}`,
};

/**
 * The full Markdown pipeline: remark with the bodies' syntax (GFM, with
 * CommonMark's emphasis rules made to work next to Chinese punctuation:
 * text/markdown-syntax.ts) → rehype → sanitize → HTML. Raw
 * HTML in a body is dropped (never passed through), and the sanitizer
 * removes dangerous URLs and attributes from what remains.
 */
export function createPipelineRenderer(): (markdown: string, runInTitle?: string) => string {
  const processor = unified()
    .use(remarkParse)
    .use(MARKDOWN_SYNTAX)
    .use(remarkImagesToText)
    .use(remarkJoinCjkLines)
    .use(remarkRunInTitle)
    .use(remarkShiftHeadings)
    .use(remarkRehype, { allowDangerousHtml: false, ...FOOTNOTE_WORDS })
    .use(rehypeSanitize)
    .use(rehypeStringify);
  return (markdown: string, runInTitle?: string): string => {
    const file = new VFile({ value: markdown, data: { runInTitle } });
    const tree = processor.runSync(processor.parse(file), file);
    return processor.stringify(tree, file);
  };
}
