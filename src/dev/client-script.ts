import { PAGE_UPDATE_SCRIPT } from './page-update.js';

/**
 * The script that `yongzu dev` adds to every page it serves: it listens to
 * the server's events, updates the page after a rebuild (in place when it
 * can: page-update.ts), and shows the
 * diagnostics of a failed rebuild in an overlay. Text is set with
 * textContent only, so nothing from a submission can become markup.
 */
export const CLIENT_SCRIPT = `(() => {
  const source = new EventSource('/__yongzu/events');
  let box;
  function show(list) {
    if (box) box.remove();
    box = undefined;
    if (!list || list.length === 0) return;
    box = document.createElement('div');
    box.id = 'yongzu-overlay';
    box.setAttribute('role', 'alert');
    box.style.cssText =
      'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#fff5f5;' +
      'color:#1a1a1a;border-top:4px solid #c8102e;padding:12px 16px;font:14px/1.6 sans-serif;' +
      'box-shadow:0 -4px 16px rgba(0,0,0,.2)';
    const head = document.createElement('strong');
    head.textContent = '有 ' + list.length + ' 个错误，页面仍显示上一次成功生成的内容：';
    box.appendChild(head);
    const ul = document.createElement('ul');
    for (const d of list) {
      const li = document.createElement('li');
      li.textContent = d.file + ':' + d.line + ':' + d.column + '  ' + d.message + '  (' + d.rule + ')';
      ul.appendChild(li);
    }
    box.appendChild(ul);
    document.body.appendChild(box);
  }
${PAGE_UPDATE_SCRIPT}
  source.addEventListener('reload', (e) => updatePage(JSON.parse(e.data || 'null')));
  source.addEventListener('search-index', () => {
    if (document.getElementById('search-form')) location.reload();
  });
  source.addEventListener('diagnostics', (e) => show(JSON.parse(e.data)));
})();
`;
