/**
 * The editor's desk in the pages `yongzu dev` serves (never in `build`'s
 * output): a bar of controls in the page's flow above the site's header (so
 * it never covers the navigation), a panel 「检查与修正」 (closed by default),
 * a dialog for dropped or chosen files. It talks to /__yongzu/desk/ with the
 * run's token from the page's <meta>. Text from the server is set with
 * textContent only. What a write did is kept in sessionStorage under an id,
 * so the page that reloads after the write (the rebuild) shows it again.
 */
export const DESK_CLIENT = String.raw`(() => {
  const m = /^\/(\d{4}\/\d+)\/(?:index\.html)?$/.exec(location.pathname);
  const meta = document.querySelector('meta[name="yongzu-desk-token"]');
  if (!m || !meta) return;
  const token = meta.getAttribute('content');
  const path = m[1];
  const KEY = 'yongzu-desk:' + path;
  let state = {};
  try { state = JSON.parse(sessionStorage.getItem(KEY) || '{}') || {}; } catch (e) { state = {}; }
  const save = () => sessionStorage.setItem(KEY, JSON.stringify(state));
  let issue;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === false) continue;
      if (k === 'onclick') node.addEventListener('click', v);
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== undefined && c !== null) node.append(c);
    return node;
  }

  async function call(route, params, body, headers) {
    const q = new URLSearchParams(params || {}).toString();
    const res = await fetch('/__yongzu/desk/' + route + (q ? '?' + q : ''), {
      method: 'POST',
      headers: Object.assign({ 'x-yongzu-desk': token }, headers || {}),
      body: body === undefined ? '' : body,
    });
    let data;
    try { data = await res.json(); } catch (e) { data = { error: '预览服务器的回答无法读取（' + res.status + '）。' }; }
    if (!res.ok) throw new Error(data.error || '请求失败（' + res.status + '）。');
    return data;
  }
  const JSON_HEADERS = { 'content-type': 'application/json' };
  const newOp = () => Math.random().toString(36).slice(2) + Date.now().toString(36);

  // The bar: in the page's flow, first in the body after the skip link.
  const bar = el('div', { id: 'yongzu-desk-bar', role: 'region', 'aria-label': '编辑台（仅 yongzu dev 预览时显示）' });
  const chooser = el('input', { type: 'file', multiple: true, accept: '.docx,.txt,.md', hidden: true,
    id: 'yongzu-desk-file', 'aria-hidden': 'true', tabindex: '-1' });
  const importButton = el('button', { type: 'button', id: 'yongzu-desk-import', text: '导入稿件…' });
  const toggle = el('button', { type: 'button', id: 'yongzu-desk-toggle', 'aria-expanded': 'false',
    'aria-controls': 'yongzu-desk-panel', text: '检查与修正' });
  bar.append(importButton, chooser, toggle,
    el('a', { id: 'yongzu-print-preview', href: '/__yongzu/print/' + path + '/', text: '打印预览（分页）' }),
    el('a', { id: 'yongzu-print-pdf', href: '/' + path + '/print.pdf', text: '生成 PDF' }),
    el('span', { class: 'yongzu-desk-hint', text: '可把 Word、txt、md 文件拖到本页导入' }));
  const panel = el('aside', { id: 'yongzu-desk-panel', 'aria-labelledby': 'yongzu-desk-title', hidden: true });
  const dialog = el('dialog', { id: 'yongzu-desk-dialog', 'aria-labelledby': 'yongzu-desk-dialog-title' });
  const live = el('p', { class: 'yongzu-desk-live', role: 'status' });

  function mount() {
    const skip = document.querySelector('body > a.skip');
    if (skip) skip.after(bar); else document.body.prepend(bar);
    document.body.append(panel, dialog, live);
  }

  // ---- the panel -----------------------------------------------------------
  function setOpen(open) {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    state.open = open;
    save();
    if (open) refresh();
  }
  toggle.addEventListener('click', () => setOpen(panel.hidden));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden && !dialog.open) { setOpen(false); toggle.focus(); }
  });

  async function refresh() {
    let report;
    try {
      report = await call('report', { issue: issue.id });
    } catch (e) {
      panel.replaceChildren(panelHead(), el('p', { class: 'yongzu-desk-error', text: e.message }));
      return;
    }
    const body = [panelHead()];
    if (state.last && state.last.kind === 'fix') body.push(fixResult(state.last.data));
    body.push(el('h3', { text: '县区' }),
      el('p', { class: 'yongzu-desk-present' }, '已有稿件（' + report.present.length + '）：',
        report.present.map((p) => p.county + '（' + p.file + '）').join('、') || '无'),
      el('p', { class: 'yongzu-desk-missing' }, '还没有稿件（' + report.missing.length + '）：',
        report.missing.join('、') || '无'));
    body.push(el('h3', { text: '各文件的问题' }));
    for (const file of report.files) body.push(fileBlock(file));
    panel.replaceChildren(...body);
  }

  function panelHead() {
    const close = el('button', { type: 'button', class: 'yongzu-desk-close', 'aria-label': '关闭检查面板', text: '×' });
    close.addEventListener('click', () => { setOpen(false); toggle.focus(); });
    return el('div', { class: 'yongzu-desk-head' },
      el('h2', { id: 'yongzu-desk-title', text: '检查与修正：' + issue.name }), close);
  }

  function fileBlock(file) {
    const fixable = file.diagnostics.filter((d) => d.fixable).length;
    const block = el('section', { class: 'yongzu-desk-file', 'data-file': file.name });
    const head = el('div', { class: 'yongzu-desk-file-head' },
      el('h4', { text: file.name + (file.county ? '（' + file.county + '）' : '') }));
    if (file.name !== 'issue.yml') {
      const fix = el('button', { type: 'button', class: 'yongzu-desk-fix', disabled: fixable === 0,
        text: '自动修正' + (fixable ? '（' + fixable + ' 处）' : '') });
      fix.addEventListener('click', () => runFix(file.name, fix));
      head.append(fix);
    }
    block.append(head);
    if (file.diagnostics.length === 0) {
      block.append(el('p', { class: 'yongzu-desk-ok', text: '没有发现问题。' }));
      return block;
    }
    const list = el('ul', { class: 'yongzu-desk-list' });
    for (const d of file.diagnostics) {
      const go = el('button', { type: 'button', class: 'yongzu-desk-diagnostic yongzu-desk-' + d.severity },
        el('span', { class: 'yongzu-desk-where', text: d.line + ':' + d.column + ' ' +
          (d.severity === 'error' ? '错误' : '提示') }),
        ' ' + d.message + ' (' + d.rule + ')' + (d.fixable ? ' · 可自动修正' : ''));
      go.addEventListener('click', () => scrollToSource(file, d));
      const item = el('li', {}, go);
      if (d.excerpt && d.excerpt.length)
        item.append(el('pre', { class: 'yongzu-desk-excerpt', text: d.excerpt.join('\n') }));
      list.append(item);
    }
    block.append(list);
    return block;
  }

  let marked;
  function scrollToSource(file, d) {
    const squash = (t) => (t || '').replace(/\s+/g, '');
    let target;
    const sections = [...document.querySelectorAll('.county-section')];
    const section = sections.find((s) => s.getAttribute('data-county') === file.county);
    if (section && d.probe) {
      for (const node of section.querySelectorAll('p, li, h2, h3, h4, h5, h6, th, td, blockquote, table')) {
        if (squash(node.textContent).includes(d.probe)) { target = node; break; }
      }
    }
    target = target || section || document.querySelector('.masthead') || document.querySelector('main');
    if (!target) return;
    if (marked) marked.classList.remove('yongzu-desk-target');
    marked = target;
    target.classList.add('yongzu-desk-target');
    target.scrollIntoView({ block: 'start' });
  }

  async function runFix(name, button) {
    button.disabled = true;
    const op = newOp();
    state.op = { id: op, kind: 'fix' };
    save();
    try {
      const data = await call('fix', { op, issue: issue.id, file: name });
      finishOp('fix', data);
    } catch (e) {
      delete state.op;
      save();
      live.textContent = '自动修正失败：' + e.message;
      button.disabled = false;
    }
  }

  function finishOp(kind, data) {
    delete state.op;
    state.last = { kind, data };
    save();
    if (kind === 'fix') {
      live.textContent = data.changes.length
        ? '已修正 ' + data.file + ' 的 ' + data.changes.length + ' 处。'
        : (data.diagnostics || []).map((d) => d.message).join(' ') || '没有可自动修正的地方。';
      if (!panel.hidden) refresh();
    } else showImported(data);
  }

  function fixResult(data) {
    const box = el('section', { class: 'yongzu-desk-fixed', 'aria-label': '最近一次自动修正' });
    const dismiss = el('button', { type: 'button', class: 'yongzu-desk-dismiss', text: '知道了' });
    dismiss.addEventListener('click', () => { delete state.last; save(); box.remove(); });
    box.append(el('h3', { text: '自动修正了 ' + data.file + '：' + data.changes.length + ' 处' }));
    for (const d of data.diagnostics || [])
      box.append(el('p', { class: 'yongzu-desk-' + d.severity, text: d.message }));
    if (data.backup) box.append(el('p', { class: 'yongzu-desk-backup', text: '原文件已备份到 ' + data.backup }));
    for (const hunk of data.diff || []) {
      const pre = el('pre', { class: 'yongzu-desk-diff' });
      for (const line of hunk) {
        const row = el('span', { class: 'yongzu-desk-line yongzu-desk-line-' +
          (line.kind === '-' ? 'old' : line.kind === '+' ? 'new' : 'same') }, line.kind + ' ');
        if (line.parts) {
          for (const p of line.parts)
            row.append(p.changed ? el(line.kind === '-' ? 'del' : 'ins', { text: p.text }) : p.text);
        } else row.append(line.text);
        pre.append(row, '\n');
      }
      box.append(pre);
    }
    box.append(dismiss);
    return box;
  }

  // ---- import: drop or choose, then county and theme --------------------------
  importButton.addEventListener('click', () => chooser.click());
  chooser.addEventListener('change', () => {
    if (chooser.files.length) stageFiles([...chooser.files]);
    chooser.value = '';
  });
  const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    document.documentElement.classList.add('yongzu-desk-dragging');
  });
  document.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) document.documentElement.classList.remove('yongzu-desk-dragging');
  });
  document.addEventListener('drop', (e) => {
    document.documentElement.classList.remove('yongzu-desk-dragging');
    if (!hasFiles(e)) return;
    e.preventDefault();
    stageFiles([...e.dataTransfer.files]);
  });

  async function stageFiles(files) {
    live.textContent = '正在读取 ' + files.length + ' 个文件…';
    const previews = [];
    const failed = [];
    for (const file of files) {
      try {
        previews.push(await call('stage', { issue: issue.id }, file, {
          'x-yongzu-file-name': encodeURIComponent(file.name), 'content-type': 'application/octet-stream' }));
      } catch (e) {
        failed.push({ name: file.name, error: e.message });
      }
    }
    state.stages = previews.map((p) => p.stage);
    save();
    live.textContent = '';
    showChoices(previews, failed);
  }

  function openDialog(title, ...content) {
    dialog.replaceChildren(el('h2', { id: 'yongzu-desk-dialog-title', text: title }), ...content);
    if (!dialog.open) dialog.showModal();
  }
  dialog.addEventListener('close', () => {
    if (state.stages) { delete state.stages; save(); }
    if (state.last && state.last.kind === 'import') { delete state.last; save(); }
  });

  function showChoices(previews, failed) {
    const form = el('form', { method: 'dialog', class: 'yongzu-desk-form' });
    for (const f of failed) form.append(el('p', { class: 'yongzu-desk-error', text: f.name + '：' + f.error }));
    previews.forEach((p, i) => {
      const set = el('fieldset', { class: 'yongzu-desk-choice', 'data-stage': p.stage });
      set.append(el('legend', { text: p.name }));
      set.append(el('p', { text: p.title ? '标题：「' + p.title + '」，正文 ' + p.paragraphs + ' 段' : '没有读到标题' }));
      for (const d of p.diagnostics) set.append(el('p', { class: 'yongzu-desk-' + d.severity, text: d.message }));
      const readable = p.title !== undefined || p.paragraphs > 0;
      if (readable) {
        const county = el('select', { name: 'county', id: 'yongzu-desk-county-' + i, required: true });
        county.append(el('option', { value: '', text: '请选择县区' }));
        for (const c of p.counties)
          county.append(el('option', { value: c.name, disabled: c.present, selected: !c.present && c.name === p.county,
            text: c.name + (c.present ? '（本期已有稿件）' : '') }));
        set.append(el('label', { for: 'yongzu-desk-county-' + i, text: '县区' }), county);
        const theme = el('select', { name: 'theme', id: 'yongzu-desk-theme-' + i, required: true });
        for (const t of p.issue.themes) theme.append(el('option', { value: t, text: t }));
        set.append(el('label', { for: 'yongzu-desk-theme-' + i, text: '主题' }), theme);
        if (p.county) set.append(el('p', { class: 'yongzu-desk-note', text: '县区是按文件名或正文猜的，请核对。' }));
      } else set.setAttribute('data-unreadable', '');
      form.append(set);
    });
    const go = el('button', { type: 'submit', value: 'import', class: 'yongzu-desk-go', text: '导入',
      disabled: !form.querySelector('select') });
    const cancel = el('button', { type: 'button', text: '取消' });
    cancel.addEventListener('click', () => dialog.close());
    form.append(el('div', { class: 'yongzu-desk-actions' }, go, cancel));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const items = [...form.querySelectorAll('fieldset[data-stage]:not([data-unreadable])')].map((set) => ({
        stage: set.getAttribute('data-stage'),
        county: set.querySelector('select[name=county]').value,
        theme: set.querySelector('select[name=theme]').value,
      }));
      runImport(items);
    });
    openDialog('导入到' + issue.name, form);
  }

  async function runImport(items) {
    const op = newOp();
    delete state.stages;
    state.op = { id: op, kind: 'import' };
    save();
    openDialog('正在导入…', el('p', { text: '正在导入 ' + items.length + ' 个文件，请稍候。' }));
    try {
      finishOp('import', await call('import', { op }, JSON.stringify({ items }), JSON_HEADERS));
    } catch (e) {
      delete state.op;
      save();
      openDialog('导入失败', el('p', { class: 'yongzu-desk-error', text: e.message }));
    }
  }

  function showImported(data) {
    const out = [];
    for (const r of data.imported) {
      const block = el('section', { class: 'yongzu-desk-imported' });
      if (r.file) {
        block.append(el('h3', { text: '已导入 ' + (r.name || '') + ' → ' + r.file }));
        block.append(el('p', { class: 'yongzu-desk-kept', text: '保留：标题「' + r.title + '」，正文 ' + r.paragraphs + ' 段' +
          (r.author ? '，落款「' + r.author + '」移到 author' : '') + '。' }));
      } else block.append(el('h3', { text: '未导入 ' + (r.name || '') }));
      if (r.error) block.append(el('p', { class: 'yongzu-desk-error', text: r.error }));
      const list = el('ul', { class: 'yongzu-desk-dropped' });
      for (const d of r.diagnostics || [])
        list.append(el('li', { class: 'yongzu-desk-' + d.severity,
          text: (d.severity === 'error' ? '错误：' : '提示：') + d.message + ' (' + d.rule + ')' }));
      if (list.children.length) block.append(el('p', { text: r.file ? '没有照原样保留的、要核对的：' : '原因：' }), list);
      out.push(block);
    }
    const close = el('button', { type: 'button', class: 'yongzu-desk-go', text: '关闭' });
    close.addEventListener('click', () => dialog.close());
    openDialog('导入结果', ...out, el('div', { class: 'yongzu-desk-actions' }, close));
  }

  // ---- start ---------------------------------------------------------------
  async function start() {
    mount();
    try {
      issue = (await call('issues')).find((i) => i.path === path);
    } catch (e) {
      live.textContent = '编辑工具不可用：' + e.message;
    }
    if (!issue) { importButton.disabled = true; toggle.disabled = true; return; }
    document.documentElement.setAttribute('data-yongzu-desk', 'ready');
    if (state.op) {
      // The page reloaded while a write ran: its result is kept on the server.
      const op = state.op;
      try { finishOp(op.kind, await call('result', { op: op.id })); } catch (e) { delete state.op; save(); }
    } else if (state.last && state.last.kind === 'import') showImported(state.last.data);
    else if (state.stages && state.stages.length) {
      try {
        const previews = await call('staged', {}, JSON.stringify({ stages: state.stages }), JSON_HEADERS);
        if (previews.length) showChoices(previews, []);
      } catch (e) { delete state.stages; save(); }
    }
    if (state.open) setOpen(true);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
  // A page updated in place (without a reload) tells the desk so.
  document.addEventListener('yongzu:updated', () => { if (!panel.hidden) refresh(); });
})();
`;

export const DESK_STYLE = `
#yongzu-desk-bar { display: flex; flex-wrap: wrap; gap: .4rem .6rem; align-items: center; padding: .4rem 1rem;
  background: #fff4f4; border-bottom: 2px solid #c8102e; font: 14px/1.4 sans-serif; color: #1a1a1a; }
#yongzu-desk-bar button, #yongzu-desk-bar a, #yongzu-desk-panel button, #yongzu-desk-dialog button {
  background: #c8102e; color: #fff; border: 0; border-radius: 4px; padding: .3rem .7rem; font: inherit;
  text-decoration: none; cursor: pointer; }
#yongzu-desk-bar button:disabled, #yongzu-desk-panel button:disabled { background: #999; cursor: default; }
#yongzu-desk-bar :focus-visible, #yongzu-desk-panel :focus-visible, #yongzu-desk-dialog :focus-visible {
  outline: 3px solid #1a1a1a; outline-offset: 2px; }
.yongzu-desk-hint { color: #555; font-size: 13px; }
#yongzu-desk-panel { position: fixed; top: 0; right: 0; bottom: 0; width: min(32rem, 100vw); overflow: auto;
  box-sizing: border-box; background: #fff; color: #1a1a1a; border-left: 3px solid #c8102e; padding: .5rem 1rem 2rem;
  font: 14px/1.6 sans-serif; z-index: 2147483645; box-shadow: -4px 0 16px rgba(0,0,0,.15); }
#yongzu-desk-panel[hidden] { display: none; }
@media (max-width: 48rem) {
  #yongzu-desk-panel { top: auto; left: 0; width: auto; max-height: 55vh; border-left: 0;
    border-top: 3px solid #c8102e; }
}
.yongzu-desk-head { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
.yongzu-desk-head h2 { font-size: 16px; margin: .3rem 0; }
#yongzu-desk-panel h3 { font-size: 15px; margin: 1rem 0 .3rem; }
.yongzu-desk-file { border-top: 1px solid #ddd; padding: .4rem 0; }
.yongzu-desk-file-head { display: flex; justify-content: space-between; align-items: center; gap: .5rem; }
.yongzu-desk-file-head h4 { margin: .2rem 0; font-size: 14px; }
.yongzu-desk-list { list-style: none; padding: 0; margin: .2rem 0; }
.yongzu-desk-list li { margin: .3rem 0; }
#yongzu-desk-panel button.yongzu-desk-diagnostic { display: block; width: 100%; text-align: left; background: #fafafa;
  color: #1a1a1a; border: 1px solid #ddd; border-left: 4px solid #e8a800; }
#yongzu-desk-panel button.yongzu-desk-error { border-left-color: #c8102e; }
.yongzu-desk-where { font-weight: bold; }
.yongzu-desk-excerpt, .yongzu-desk-diff { font: 13px/1.5 monospace; background: #f6f6f6; padding: .3rem .5rem;
  margin: .2rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.yongzu-desk-line-old { color: #8a1010; }
.yongzu-desk-line-new { color: #0a5a1a; }
.yongzu-desk-diff del { background: #ffd0d0; text-decoration: line-through; }
.yongzu-desk-diff ins { background: #c8f0c8; text-decoration: none; }
.yongzu-desk-fixed { background: #f2fbf2; border: 1px solid #9c9; padding: .3rem .6rem; margin: .5rem 0; }
.yongzu-desk-target { outline: 3px solid #e8a800; background: #fff7d6; scroll-margin-top: 1rem; }
p.yongzu-desk-error, li.yongzu-desk-error { color: #a00; }
.yongzu-desk-live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
#yongzu-desk-dialog { max-width: min(40rem, 95vw); font: 14px/1.6 sans-serif; color: #1a1a1a; }
#yongzu-desk-dialog fieldset { margin: .5rem 0; }
#yongzu-desk-dialog label { display: inline-block; margin: .3rem .4rem 0 0; }
#yongzu-desk-dialog select { max-width: 100%; font: inherit; }
.yongzu-desk-actions { display: flex; gap: .6rem; margin-top: .8rem; }
html.yongzu-desk-dragging body { outline: 4px dashed #c8102e; outline-offset: -8px; }
html.yongzu-desk-dragging body::after { content: '松开鼠标，把文件导入本期'; position: fixed; inset: 40% 10% auto; padding: 1rem;
  text-align: center; background: #c8102e; color: #fff; font: 20px sans-serif; border-radius: 8px;
  pointer-events: none; }
@media print { #yongzu-desk-bar, #yongzu-desk-panel, #yongzu-desk-dialog { display: none; } }
`;
