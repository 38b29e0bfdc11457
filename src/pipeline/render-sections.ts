import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SectionHtml } from '../executor/executor.js';
import { needsSandbox, openRenderSandbox, RENDER_LIMIT_MS, type RenderSandbox } from '../executor/render-sandbox.js';
import {
  createMarkdownRenderer,
  loadMarkdownPipeline,
  memoizeRenderer,
  type RenderedSections,
  rememberSection,
} from '../render/markdown.js';
import { renderMarkdown } from '../rules/render/markdown.js';

/** A section body to render, where it lies in its file. */
export interface SectionSource {
  file: string;
  body: string;
  bodyLine: number;
  title?: string;
}

const FAILED = '这篇稿件的正文无法排版（结构过于复杂），本次未写入任何文件。请检查是否误粘贴了大量符号。';
const TIMED_OUT =
  `这篇稿件的正文排版超过 ${RENDER_LIMIT_MS / 1000} 秒仍未完成（Markdown 符号太多或结构过于复杂），本次未写入任何文件。` +
  '请检查是否误粘贴了大量「[」「]」「*」「_」「`」等符号；这些符号如是正文，可改用全角。';

/**
 * Renders section bodies into a build's cache of rendered sections: quick
 * ones (plain prose, short bodies) in place, any other on the render sandbox
 * under its time limit, so no body holds the main thread (or dev's server)
 * for long. A body that fails or runs out of time is an error at its file
 * (`render/markdown`) and stays out of the cache.
 */
export function createSectionRendering(cache: RenderedSections) {
  const inPlace = memoizeRenderer(createMarkdownRenderer(), cache);
  let sandbox: RenderSandbox | undefined;
  let opened = false;
  const failure = (s: SectionSource, message: string) =>
    renderMarkdown.report(s.file, { line: s.bodyLine, column: 1 }, message);

  async function renderOne(s: SectionSource): Promise<string | Diagnostic> {
    const hit = cache.get(s.body)?.get(s.title ?? '');
    if (hit !== undefined) return hit;
    if (needsSandbox(s.body)) {
      if (!opened) {
        opened = true;
        sandbox = openRenderSandbox();
      }
      const result = sandbox ? await sandbox.render(s.body, s.title) : { unavailable: true as const };
      if ('html' in result) {
        rememberSection(cache, s.body, s.title, result.html);
        return result.html;
      }
      if ('timedOut' in result) return failure(s, TIMED_OUT);
      if ('failed' in result) return failure(s, FAILED);
      // No sandbox here (running from the sources): rendered in place.
      await loadMarkdownPipeline();
    }
    try {
      return inPlace(s.body, s.title);
    } catch {
      return failure(s, FAILED);
    }
  }

  return {
    /** Renders the sections; the HTML of those rendered, in order, and an error for each that could not be. */
    async render(sources: readonly SectionSource[]): Promise<{ sections: SectionHtml[]; diagnostics: Diagnostic[] }> {
      await loadMarkdownPipeline(sources.filter((s) => !needsSandbox(s.body)).map((s) => s.body));
      const sections: SectionHtml[] = [];
      const diagnostics: Diagnostic[] = [];
      for (const s of sources) {
        const result = await renderOne(s);
        if (typeof result === 'string') sections.push({ file: s.file, html: result });
        else diagnostics.push(result);
      }
      return { sections, diagnostics };
    },
    /** Stops the sandbox's worker, if one was started. */
    close(): void {
      sandbox?.close();
    },
  };
}
