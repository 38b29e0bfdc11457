import type { Nodes, Root, RootContent } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { toString as textOf } from 'mdast-util-to-string';
import { unified } from 'unified';
import { widthOf } from '../diagnostics/code-frame.js';
import { createMarkdownParser } from '../text/markdown-syntax.js';
import { pushAll } from '../util/append.js';

/*
 * Markdown as an editor would type it, which the renderer reads back as the
 * same text and the same bold. remark-stringify alone follows CommonMark's
 * flanking rule, so after `**一是强化组织覆盖。**` it writes the next
 * character as a numeric reference (`&#x4ECA;年以来`) to make the bold close;
 * with the CJK-friendly serializer it knows the renderer's rule (the same
 * plugins) and writes plain Chinese. Every conversion is read back with the
 * renderer's parser: a paragraph whose formatting would not come back as it
 * was (a Latin word against bold punctuation: `Word**“加粗”**`) loses that
 * formatting rather than carry character references.
 */

const serializer = (tablePipeAlign: boolean) =>
  unified()
    .use(remarkGfm, { stringLength: widthOf, tablePipeAlign })
    .use(remarkCjkFriendly)
    .use(remarkCjkFriendlyStrikethrough)
    .use(remarkStringify, { bullet: '-', fences: true });
const aligned = serializer(true);
const unaligned = serializer(false);

/**
 * Padded columns (by display width) cost each row the widest cell of every
 * column: a long cell in a long table made a 69 KB .docx 100 MB of Markdown.
 * Tables are aligned while that costs at most this many columns in all.
 */
const MAX_PADDED = 200_000;

/** Whether the document's tables can be written with their columns aligned, within MAX_PADDED. */
function tablesAlignable(tree: Root): boolean {
  let cost = 0;
  const walk = (node: Nodes): boolean => {
    if (node.type === 'table') {
      const widths: number[] = [];
      for (const row of node.children)
        row.children.forEach((cell, i) => {
          widths[i] = Math.max(widths[i] ?? 0, widthOf(textOf(cell)));
        });
      cost += node.children.length * widths.reduce((a, b) => a + b, 0);
      return cost <= MAX_PADDED;
    }
    return !('children' in node) || (node.children as Nodes[]).every(walk);
  };
  return walk(tree);
}

let parse: ReturnType<typeof createMarkdownParser> | undefined;

/** A numeric character reference, which the converted Markdown must not hold. */
const REFERENCE = /&#(?:x[0-9a-f]+|\d+);/i;

/** The tree as Markdown; `unformatted` counts the blocks whose emphasis had to go. */
export function toCleanMarkdown(tree: Root): { markdown: string; unformatted: number } {
  parse ??= createMarkdownParser();
  const toMarkdown = tablesAlignable(tree) ? aligned : unaligned;
  let markdown = String(toMarkdown.stringify(tree));
  let unformatted = 0;
  for (let round = 0; round < 2; round++) {
    const wrong = blocksNotRoundTripping(tree, markdown, toMarkdown);
    if (wrong.length === 0) break;
    for (const block of wrong) if (unwrapAttention(block)) unformatted++;
    markdown = String(toMarkdown.stringify(tree));
  }
  return { markdown, unformatted };
}

/** The top-level blocks whose text and emphasis the renderer's parser does not read back as they are. */
function blocksNotRoundTripping(tree: Root, markdown: string, toMarkdown: typeof aligned): RootContent[] {
  const back = parse!(markdown).children;
  if (back.length !== tree.children.length) return tree.children;
  return tree.children.filter(
    (block, i) =>
      signature(block) !== signature(back[i]!) || REFERENCE.test(String(toMarkdown.stringify(rootOf(block)))),
  );
}

const rootOf = (block: RootContent): Root => ({ type: 'root', children: [block] });

const MARK: Partial<Record<Nodes['type'], string>> = { strong: 'b', emphasis: 'i', delete: 's' };

/** Text and emphasis of a block, white space collapsed: what must come back from the Markdown. */
function signature(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value.replace(/\s+/g, ' ');
  if (node.type === 'break') return ' ';
  if (!('children' in node)) return '';
  const inner = (node.children as Nodes[]).map(signature).join(node.type === 'paragraph' ? '' : '|');
  const mark = MARK[node.type];
  return mark ? `<${mark}>${inner}</${mark}>` : inner.trim();
}

/** Replaces every bold, italic and struck-through run in a block by its content; whether there was any. */
function unwrapAttention(node: Nodes): boolean {
  if (!('children' in node)) return false;
  let found = false;
  const kids: Nodes[] = [];
  for (const child of node.children as Nodes[]) {
    found = unwrapAttention(child) || found;
    if (child.type === 'strong' || child.type === 'emphasis' || child.type === 'delete') {
      pushAll(kids, child.children as Nodes[]);
      found = true;
    } else kids.push(child);
  }
  const merged: Nodes[] = [];
  for (const k of kids) {
    const prev = merged.at(-1);
    if (k.type === 'text' && prev?.type === 'text') prev.value += k.value;
    else merged.push(k);
  }
  node.children = merged as never;
  return found;
}
