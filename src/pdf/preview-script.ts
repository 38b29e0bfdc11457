import { FIND_LAYOUT_JS } from './layout-findings.js';

/**
 * Moves the imprint (版记) to the bottom of the last page of the paged
 * layout under `root`. The PDF's page script does more (it takes the imprint
 * out of the flow and puts it on the last even page, adding blank pages);
 * the preview, paginated by Paged.js on its own, keeps it where it falls.
 */
const MOVE_IMPRINT_JS = `function moveImprint(root) {
  const pages = root.querySelectorAll('.pagedjs_page');
  const last = pages[pages.length - 1];
  const imprint = last ? last.querySelector('.imprint') : null;
  if (!imprint) return;
  const area = imprint.closest('.pagedjs_page_content');
  const free = area.getBoundingClientRect().bottom - imprint.getBoundingClientRect().bottom;
  if (free > 0.5) imprint.style.marginTop = (parseFloat(getComputedStyle(imprint).marginTop) + free) + 'px';
}`;

/**
 * Screen-only CSS of the dev print preview: the sheets on a grey desk,
 * centred, each with its page number above it, and the findings flagged. In
 * a `<style media="screen" data-pagedjs-ignore>`: Paged.js leaves it alone
 * (it would otherwise fold it into the page styles), and the PDF never has it
 * (the PDF's page is made without it, and it is screen-only anyway).
 */
export const PREVIEW_SCREEN_CSS = `@media screen {
  html, body { background: #d9d9d9; }
  body { padding: 8px 0 48px; }
  .pagedjs_pages { display: flex; flex-direction: column; align-items: center; }
  .pagedjs_page {
    position: relative; background: #fff; margin: 40px 0 0;
    box-shadow: 0 1px 3px rgba(0,0,0,.3), 0 4px 16px rgba(0,0,0,.15);
  }
  .pagedjs_page::before {
    content: "第 " counter(page) " 页 / 共 " counter(pages) " 页";
    position: absolute; left: 0; right: 0; bottom: 100%; padding-bottom: 6px;
    font: 13px/1.4 sans-serif; letter-spacing: 0; color: #333; text-align: center;
  }
  .pagedjs_page.yongzu-flagged { outline: 3px solid #d97706; outline-offset: 2px; }
  .pagedjs_page.yongzu-flagged::before {
    content: "第 " counter(page) " 页 / 共 " counter(pages) " 页 · 要看"; color: #9a3412; font-weight: bold;
  }
  .yongzu-lone { background: #fde68a; box-shadow: 0 0 0 2px #fde68a; }
  #yongzu-layout {
    box-sizing: border-box; width: 210mm; max-width: calc(100% - 16px); margin: 8px auto 0; padding: 10px 16px;
    font: 14px/1.6 sans-serif; letter-spacing: 0; color: #1a1a1a; background: #f0fdf4; border-left: 4px solid #15803d;
  }
  #yongzu-layout.warn { background: #fffbeb; border-left-color: #d97706; }
  #yongzu-layout p { margin: 0; }
  #yongzu-layout ul { margin: 4px 0 0; padding-left: 20px; }
  #yongzu-layout a { color: inherit; }
}`;

/**
 * The script of the dev print preview (served as assets/preview.js). After
 * Paged.js has paginated (PagedConfig.after), it moves the imprint as the PDF
 * does and shows what the layout check finds: lone lines, a page of only the
 * source line, pages over the budget. `YongzuPreview.refresh()`, called by the
 * page-update script when the issue changed, fetches the page again and
 * paginates the new content off screen, then swaps it in and scrolls to the
 * same place on the same page. Text is set with textContent only.
 */
export const PREVIEW_SCRIPT = String.raw`(() => {
  const findLayout = ${FIND_LAYOUT_JS};
  const moveImprint = ${MOVE_IMPRINT_JS};
  const state = window.YongzuPreview || (window.YongzuPreview = {});
  const cut = (s) => (s.length > 16 ? s.slice(0, 16) + '……' : s);
  const describe = (f) =>
    f.kind === 'first-line'
      ? '第 ' + f.page + ' 页页尾只有一段的第一行（「' + cut(f.text) + '」）。'
      : f.kind === 'last-line'
        ? '第 ' + f.page + ' 页页首只有上一页那段的最后一行（「' + cut(f.text) + '」开头的一段）。'
        : '第 ' + f.page + ' 页只有来源行「' + cut(f.text) + '」。';

  function show(root) {
    moveImprint(root);
    const pages = root.querySelectorAll('.pagedjs_page');
    const report = findLayout(root, (el, f) => {
      el.classList.add('yongzu-lone');
      if (pages[f.page - 1]) pages[f.page - 1].classList.add('yongzu-flagged');
    });
    const budget = state.budget || 0;
    const over = budget > 0 && report.pages > budget;
    let box = document.getElementById('yongzu-layout');
    if (!box) {
      box = document.createElement('section');
      box.id = 'yongzu-layout';
      box.setAttribute('aria-live', 'polite');
      box.setAttribute('aria-label', '版面检查');
    }
    root.parentNode.insertBefore(box, root);
    box.replaceChildren();
    const problems = report.findings.length + (over ? 1 : 0);
    box.className = problems > 0 ? 'warn' : 'ok';
    const head = document.createElement('p');
    head.textContent =
      '共 ' + report.pages + ' 页' + (budget > 0 ? '（页数预算 ' + budget + ' 页）' : '') +
      (problems > 0 ? '，有 ' + problems + ' 处要看：' : '，版面没有发现孤行。');
    box.appendChild(head);
    if (problems > 0) {
      const ul = document.createElement('ul');
      if (over) {
        const li = document.createElement('li');
        li.className = 'yongzu-over-budget';
        li.textContent = '超出页数预算 ' + (report.pages - budget) + ' 页：请压缩稿件，或调整 yongzu.config.yml 的 pageBudget。';
        ul.appendChild(li);
      }
      for (const f of report.findings) {
        const li = document.createElement('li');
        li.className = 'yongzu-finding';
        li.dataset.kind = f.kind;
        const a = document.createElement('a');
        a.href = '#' + (pages[f.page - 1] ? pages[f.page - 1].id : '');
        a.textContent = describe(f);
        li.appendChild(a);
        ul.appendChild(li);
      }
      box.appendChild(ul);
    }
    state.report = { pages: report.pages, budget, over, findings: report.findings };
    document.dispatchEvent(new CustomEvent('yongzu:paginated', { detail: state.report }));
    // dev keeps the findings for check, as a PDF run does.
    const issue = /^\/__yongzu\/print\/(\d{4}\/\d+)\/?$/.exec(location.pathname);
    if (issue) {
      state.recorded = fetch('/__yongzu/layout/' + issue[1], {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // dev's per-run token (src/dev/desk-token.ts), which the server writes into this page.
          'x-yongzu-desk': document.querySelector('meta[name="yongzu-desk-token"]')?.content ?? '',
        },
        body: JSON.stringify({ pages: report.pages, findings: report.findings }),
      }).then((r) => r.status, () => 0);
    }
  }

  /** The page at the top of the window and how far into it, to come back to. */
  function anchor(root) {
    const pages = root ? Array.from(root.querySelectorAll('.pagedjs_page')) : [];
    for (let i = 0; i < pages.length; i++) {
      const r = pages[i].getBoundingClientRect();
      if (r.bottom > 0) return { index: i, offset: -r.top };
    }
    return { index: Math.max(pages.length - 1, 0), offset: 0 };
  }

  /** The chunker of the pages shown, once the preview has paginated again. */
  let current;
  function quiet(chunker) {
    for (const page of (chunker && chunker.pages) || []) {
      page.listening = false;
      if (page.removeListeners) page.removeListeners();
    }
  }

  async function refresh() {
    const response = await fetch(location.href, { cache: 'no-store' });
    if (!response.ok) throw new Error('preview ' + response.status);
    const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
    const sheets = Array.from(doc.querySelectorAll('style:not([data-pagedjs-ignore]):not([media~="screen"])')).map(
      (s) => ({ [location.href]: s.textContent }),
    );
    for (const s of Array.from(doc.body.querySelectorAll('script'))) s.remove();
    const content = document.createElement('template');
    content.content.append(...Array.from(doc.body.childNodes));
    const old = document.querySelector('body > .pagedjs_pages');
    const oldStyles = Array.from(document.head.querySelectorAll('style:not([data-pagedjs-ignore])'));
    // The new pages are laid out under the old ones, unseen, and swapped in when done.
    const holder = document.createElement('div');
    holder.setAttribute('aria-hidden', 'true');
    holder.style.cssText = 'position:absolute;top:0;left:0;width:100%;visibility:hidden;pointer-events:none';
    document.body.appendChild(holder);
    const previewer = new window.Paged.Previewer();
    try {
      await previewer.preview(content.content, sheets, holder);
    } catch (e) {
      holder.remove();
      throw e;
    }
    const next = holder.querySelector('.pagedjs_pages');
    if (!next) throw new Error('no pages');
    // The old pages stop following their size (Paged.js reflows a page whose box changes): they are about to go.
    quiet(current || (window.PagedPolyfill && window.PagedPolyfill.chunker));
    current = previewer.chunker;
    const at = anchor(old);
    const x = window.scrollX;
    if (old) old.replaceWith(next);
    else document.body.appendChild(next);
    holder.remove();
    for (const s of oldStyles) s.remove();
    const pages = next.querySelectorAll('.pagedjs_page');
    const page = pages[Math.min(at.index, pages.length - 1)];
    if (page) window.scrollTo(x, window.scrollY + page.getBoundingClientRect().top + at.offset);
    show(next);
  }

  state.paginated = () => {
    const root = document.querySelector('body > .pagedjs_pages');
    if (root) show(root);
  };
  state.refresh = refresh;
})();
`;
