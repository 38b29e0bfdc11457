import type { Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly/parseOnly';
import remarkCjkFriendlyStrikethrough from 'remark-cjk-friendly-gfm-strikethrough/parseOnly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Preset, unified } from 'unified';

/**
 * The Markdown a body is written in, as every reader of it reads it (the
 * renderer, the checks, the import's round-trip): CommonMark and GFM, with
 * emphasis and strikethrough made to work next to Chinese punctuation
 * (`**四是强化保障。**县里…` is bold, as editors mean it). The renderer uses
 * this preset, so the checks see exactly the tree it renders.
 */
export const MARKDOWN_SYNTAX: Preset = { plugins: [remarkGfm, remarkCjkFriendly, remarkCjkFriendlyStrikethrough] };

/** Parses a body into its syntax tree (with positions), as the renderer does. */
export type MarkdownParser = (markdown: string) => Root;

/** A parser of bodies: remark-parse with MARKDOWN_SYNTAX, no transforms. */
export function createMarkdownParser(): MarkdownParser {
  const processor = unified().use(remarkParse).use(MARKDOWN_SYNTAX);
  return (markdown) => processor.parse(markdown);
}
