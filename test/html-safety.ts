import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

const BANNED = new Set(['script', 'iframe', 'object', 'embed', 'style', 'svg', 'base', 'meta', 'link']);

/**
 * What in an HTML fragment could run script: banned elements, event-handler
 * attributes, javascript:/data: URLs. Parsed as a browser would, so escaped
 * text (&lt;script&gt; in a code block) is text, not a finding.
 */
export function unsafeParts(html: string): string[] {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  const found: string[] = [];
  const walk = (node: {
    type: string;
    tagName?: string;
    properties?: Record<string, unknown>;
    children?: unknown[];
  }) => {
    if (node.type === 'element') {
      if (BANNED.has(node.tagName!)) found.push(`<${node.tagName}>`);
      for (const [key, value] of Object.entries(node.properties ?? {})) {
        if (/^on/i.test(key)) found.push(`${node.tagName} ${key}`);
        if (
          /^(href|src|action|formAction|data|xLinkHref)$/.test(key) &&
          /^\s*(javascript|data|vbscript):/i.test(String(value))
        )
          found.push(`${node.tagName} ${key}=${String(value)}`);
      }
    }
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(tree as unknown as Parameters<typeof walk>[0]);
  return found;
}
