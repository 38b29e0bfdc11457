import type { Heading, Nodes, Parents, PhrasingContent, Root, Table, TableCell } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { numberingLevel } from '../rules/content/heading-level.js';
import { breakVanishes } from '../util/cjk.js';
import { pushAll } from '../util/append.js';

/*
 * The tree a Word file becomes (mammoth → HTML → mdast), tidied into what an
 * editor would have typed: bold runs whole and without spaces at their ends,
 * no indentation, a table's first row as its header, headings at the level
 * their Chinese numbering gives.
 */

type Attention = Extract<PhrasingContent, { type: 'strong' | 'emphasis' | 'delete' }>;
const isAttention = (n: Nodes): n is Attention => n.type === 'strong' || n.type === 'emphasis' || n.type === 'delete';

/** Spaces an editor's Word leaves around text: ASCII, full-width (indentation), no-break. */
const EDGE_START = /^[\s\u3000\u00a0]+/u;
const EDGE_END = /[\s\u3000\u00a0]+$/u;

/** Tidies the tree in place (see the steps). */
export function tidyTree(tree: Root): void {
  for (const cell of nodesOfType(tree, 'tableCell')) flattenCell(cell);
  tidyPhrasing(tree);
  trimBlocks(tree);
  for (const table of nodesOfType(tree, 'table')) useFirstRowAsHeader(table);
}

/** Every node of a type, depth first. */
export function nodesOfType<T extends Nodes['type']>(tree: Nodes, type: T): Extract<Nodes, { type: T }>[] {
  const out: Extract<Nodes, { type: T }>[] = [];
  const walk = (n: Nodes) => {
    if (n.type === type) out.push(n as Extract<Nodes, { type: T }>);
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(tree);
  return out;
}

/**
 * Bold, italic and struck-through runs as an editor types them: Word splits a
 * run wherever its formatting record changes, so neighbours of one kind are
 * joined (`**一是****强化**` would not parse back); spaces at a run's ends
 * move outside it (`** 一是 **` is no emphasis at all); empty runs and a run
 * nested in one of its own kind go.
 */
function tidyPhrasing(node: Nodes): void {
  if (!('children' in node)) return;
  for (const c of node.children) tidyPhrasing(c);
  const kids = node.children as Nodes[];
  const out: Nodes[] = [];
  for (const child of kids) {
    if (isAttention(child)) {
      child.children = child.children.flatMap((c) => (c.type === child.type ? c.children : [c])) as never;
      const prev = out.at(-1);
      if (prev && prev.type === child.type) {
        pushAll((prev as Attention).children as never[], child.children as never[]);
        continue;
      }
    }
    out.push(child);
  }
  const moved: Nodes[] = [];
  const outside = new Set<Nodes>();
  for (const child of out) {
    if (!isAttention(child)) {
      moved.push(child);
      continue;
    }
    const first = child.children[0];
    const last = child.children.at(-1);
    const lead = first?.type === 'text' ? (EDGE_START.exec(first.value)?.[0] ?? '') : '';
    if (lead && first?.type === 'text') first.value = first.value.slice(lead.length);
    const trail = last?.type === 'text' ? (EDGE_END.exec(last.value)?.[0] ?? '') : '';
    if (trail && last?.type === 'text') last.value = last.value.slice(0, last.value.length - trail.length);
    const edge = (value: string) => {
      const node: Nodes = { type: 'text', value };
      outside.add(node);
      moved.push(node);
    };
    if (lead) edge(lead);
    if (textOf(child) !== '') moved.push(child);
    if (trail) edge(trail);
  }
  // Neighbouring texts as one (what the parser gives back); a space between two Chinese characters goes
  // (`**二是强化培训。 **举办` was bold with a stray space, not a space meant between 。 and 举).
  const merged: Nodes[] = [];
  moved.forEach((child, i) => {
    const prev = merged.at(-1);
    if (outside.has(child)) {
      const before = prev ? textOf(prev) : '';
      const after = moved[i + 1] ? textOf(moved[i + 1]!) : '';
      if (breakVanishes(before, after)) return;
    }
    if (child.type === 'text' && prev?.type === 'text') prev.value += child.value;
    else merged.push(child);
  });
  (node as Parents).children = merged as never;
}

/** No spaces (indentation with full-width spaces, above all) at the start or end of a paragraph, heading or cell. */
function trimBlocks(node: Nodes): void {
  if (!('children' in node)) return;
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    const first = node.children[0];
    if (first?.type === 'text') first.value = first.value.replace(EDGE_START, '');
    const last = node.children.at(-1);
    if (last?.type === 'text') last.value = last.value.replace(EDGE_END, '');
    node.children = node.children.filter((c) => !(c.type === 'text' && c.value === '')) as never;
    return;
  }
  for (const c of node.children) trimBlocks(c);
}

/**
 * A table cell holds text (GFM has no paragraphs in cells); Word's cells hold
 * paragraphs, which become lines of the cell.
 */
function flattenCell(cell: TableCell): void {
  const kids = cell.children as Nodes[];
  if (!kids.some((k) => k.type === 'paragraph')) return;
  const out: PhrasingContent[] = [];
  for (const k of kids) {
    const phrasing = (k.type === 'paragraph' ? k.children : [k]) as PhrasingContent[];
    if (phrasing.length === 0) continue;
    if (out.length > 0) out.push({ type: 'break' });
    pushAll(out, phrasing);
  }
  cell.children = out;
}

/**
 * Word tables rarely mark their header row, and an HTML table without one
 * becomes a GFM table with an empty header row: the first row is the header
 * instead, without the bold Word set it in (a header is bold anyway).
 */
function useFirstRowAsHeader(table: Table): void {
  const first = table.children[0];
  if (first?.children.every((cell) => textOf(cell).trim() === '') && table.children.length > 1) table.children.shift();
  const header = table.children[0];
  if (!header) return;
  for (const cell of header.children) {
    const kids = cell.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
    if (kids.length === 1 && kids[0]!.type === 'strong') cell.children = kids[0]!.children;
  }
}

/**
 * Headings at the level their Chinese numbering gives (一、 #, （一） ##,
 * 1. ###, （1） ####: content/heading-level); unnumbered ones keep their
 * order, moved up so that the highest is `#`.
 */
export function levelHeadings(tree: Root): void {
  const headings = nodesOfType(tree, 'heading');
  const plain = headings.filter((h) => numberingLevel(textOf(h)) === undefined);
  let top = Infinity;
  for (const h of plain) top = Math.min(top, h.depth);
  for (const h of headings) {
    const level = numberingLevel(textOf(h));
    h.depth = (level ?? Math.max(1, h.depth - top + 1)) as Heading['depth'];
  }
}
