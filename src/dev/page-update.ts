/**
 * The part of the dev client script (client-script.ts) that brings a page up
 * to date after a rebuild, without a reload when it can: it defines
 * `updatePage(change)` for the `reload` event, whose data is a PageChange
 * (page-change.ts).
 *
 * - A site page that was written is fetched again and its `<main>` replaced
 *   by the new one; the window keeps its scroll position, the rest of the
 *   page (the dev controls, anything a script added) stays.
 * - The print preview of an issue that changed paginates the new content off
 *   screen and swaps it in (preview-script.ts), on the same page.
 * - Anything else reloads: a stylesheet, script or template changed, the page
 *   has no `<main>` (a 404 page), the new one brings a script, or the update
 *   failed.
 *
 * Updates run one at a time; a change that arrives meanwhile is applied after.
 * Emits `yongzu:updated` on the document after each update in place.
 */
export const PAGE_UPDATE_SCRIPT = String.raw`
  const printIssue = /^\/__yongzu\/print\/(\d{4}\/\d+)\/?$/.exec(location.pathname);
  let updating = false;
  let queued = false;
  /** The output path of this page (2009/18/ → 2009/18/index.html); for a print preview, its issue page's. */
  function outputPath() {
    if (printIssue) return printIssue[1] + '/index.html';
    let path = decodeURIComponent(location.pathname).replace(/^\/+/, '');
    if (path === '' || path.endsWith('/')) path += 'index.html';
    return path;
  }
  /** What frames a site page's content: its stylesheets and scripts. */
  function frame(doc) {
    return Array.from(doc.querySelectorAll('link[rel~="stylesheet"], head script'))
      .map((el) => el.outerHTML)
      .join('\n');
  }
  async function swapMain() {
    const response = await fetch(location.href, { cache: 'no-store' });
    if (!response.ok) throw new Error('page ' + response.status);
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const next = doc.querySelector('main');
    const current = document.querySelector('main');
    if (!next || !current || next.querySelector('script') || frame(doc) !== frame(document)) {
      throw new Error('layout changed');
    }
    const x = window.scrollX;
    const y = window.scrollY;
    current.replaceChildren(...Array.from(next.childNodes));
    if (doc.title) document.title = doc.title;
    window.scrollTo(x, y);
  }
  function updatePage(change) {
    if (!change || (printIssue ? change.print : change.layout)) {
      location.reload();
      return;
    }
    if (change.pages && !change.pages.includes(outputPath())) return;
    const preview = window.YongzuPreview;
    if (printIssue && !(preview && preview.refresh)) {
      location.reload();
      return;
    }
    if (updating) {
      queued = true;
      return;
    }
    updating = true;
    (printIssue ? preview.refresh() : swapMain())
      .then(() => document.dispatchEvent(new CustomEvent('yongzu:updated')))
      .catch(() => location.reload())
      .finally(() => {
        updating = false;
        if (queued) {
          queued = false;
          updatePage({ pages: null, layout: false, print: false });
        }
      });
  }
`;
