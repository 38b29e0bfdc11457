import { CONFIG_FILE } from '../paths.js';

/**
 * What a rebuild changed, in the terms open pages need: which output pages
 * were written, and whether a page must reload in full because what frames
 * its content (a template, a stylesheet, a script, the configuration)
 * changed. Sent with the `reload` event; the page script (page-update.ts)
 * swaps its content in place when it can.
 */
export interface PageChange {
  /** Output pages written, `2009/18/index.html`; null when too many to list (every page looks at itself). */
  pages: string[] | null;
  /** Site pages reload in full: a site stylesheet, script or template changed. */
  layout: boolean;
  /** Print previews reload in full: the print template or stylesheet, or the configuration, changed. */
  print: boolean;
}

/** More written pages than this are sent as "all": the event stays small after a full rebuild. */
const MAX_LISTED = 1000;

/**
 * The change of one rebuild: `sources` are the changed project paths
 * (relative to the root, `/`-separated), `written` the output paths written
 * or removed. Undefined when no open page is affected.
 */
export function describeChange(sources: readonly string[], written: readonly string[]): PageChange | undefined {
  const frame = sources.some((p) => p === CONFIG_FILE || /^(templates|styles)(\/|$)/.test(p));
  const html = written.filter((p) => p.endsWith('.html'));
  const other = written.length > html.length;
  const change: PageChange = {
    pages: html.length > MAX_LISTED ? null : html,
    layout: other || (frame && html.length > 0),
    print: frame,
  };
  return written.length > 0 || frame ? change : undefined;
}
