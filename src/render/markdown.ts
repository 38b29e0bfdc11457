import { isPlainProse, renderPlainProse } from './plain-prose.js';

/** Renders a section body, with its run-in title, to sanitized HTML. */
export type MarkdownRenderer = (markdown: string, runInTitle?: string) => string;

/**
 * Rendered sections by body, then by run-in title. Keyed by the body string
 * itself, whose hash V8 keeps once computed, rather than by a new string of
 * title and body made at each lookup (hashed anew: megabytes per build).
 */
export type RenderedSections = Map<string, Map<string, string>>;

/** Remembers a section's HTML in `cache`. */
export function rememberSection(
  cache: RenderedSections,
  markdown: string,
  runInTitle: string | undefined,
  html: string,
): void {
  let byTitle = cache.get(markdown);
  if (!byTitle) cache.set(markdown, (byTitle = new Map()));
  byTitle.set(runInTitle ?? '', html);
}

/**
 * Wraps a renderer with a cache keyed by text and title, so that a rebuild
 * renders only the sections that changed.
 */
export function memoizeRenderer(render: MarkdownRenderer, cache: RenderedSections = new Map()): MarkdownRenderer {
  return (markdown, runInTitle) => {
    let html = cache.get(markdown)?.get(runInTitle ?? '');
    if (html === undefined) {
      html = render(markdown, runInTitle);
      rememberSection(cache, markdown, runInTitle, html);
    }
    return html;
  };
}

let pipeline: MarkdownRenderer | undefined;

/**
 * Loads the unified pipeline (remark, rehype and a hundred modules: about
 * 0.1 s of start-up) if a body needs it: any body that is not plain prose
 * (plain-prose.ts), or in any case when no bodies are given.
 */
export async function loadMarkdownPipeline(bodies?: Iterable<string>): Promise<void> {
  if (pipeline) return;
  if (bodies) {
    let needed = false;
    for (const body of bodies) if ((needed = !isPlainProse(body))) break;
    if (!needed) return;
  }
  pipeline = (await import('./markdown-pipeline.js')).createPipelineRenderer();
}

/**
 * Creates the section renderer of one build: plain prose directly (same HTML,
 * a fraction of the work), any other body through the unified pipeline,
 * which loadMarkdownPipeline() must have loaded for it.
 */
export function createMarkdownRenderer(options: { plainProse?: boolean } = {}): MarkdownRenderer {
  const fastPath = options.plainProse !== false;
  return (markdown: string, runInTitle?: string): string => {
    const plain = fastPath ? renderPlainProse(markdown, runInTitle) : undefined;
    if (plain !== undefined) return plain;
    if (!pipeline)
      throw new Error('the Markdown pipeline is not loaded: await loadMarkdownPipeline(bodies) before rendering');
    return pipeline(markdown, runInTitle);
  };
}
