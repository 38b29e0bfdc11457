// The search page: reads ?q=, runs the search, lists write-ups with the
// passage that matched. Text from the index is only ever set as textContent.
import { createSearchEngine, isSearchable } from './search-engine.js';

const PAGE = 20;
const form = document.getElementById('search-form');
const input = document.getElementById('q');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const moreWrap = document.getElementById('search-more-wrap');
const more = document.getElementById('search-more');
const root = new URL(form.dataset.root || './', window.location.href);
const engine = createSearchEngine(root);
let current;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function show(results) {
  for (const r of results) {
    const item = el('li', 'search-result');
    const heading = el('h2', 'result-title');
    const link = el('a', '', r.title);
    link.href = new URL(r.href, root).href;
    heading.append(link);
    const meta = el('p', 'entry-meta', `${r.issue} · ${r.theme}`);
    const passage = el('p', 'passage');
    passage.append(r.passage.before, el('mark', '', r.passage.match), r.passage.after);
    item.append(heading, meta, passage);
    list.append(item);
  }
}

async function run(query) {
  list.replaceChildren();
  moreWrap.hidden = true;
  if (query.trim() === '') {
    status.textContent = '请输入要搜索的字词。';
    return;
  }
  if (!isSearchable(query)) {
    status.textContent = '请至少输入两个字：单个字几乎在每一期都会出现。';
    return;
  }
  status.textContent = '正在搜索……';
  try {
    current = await engine.search(query);
    const first = await current.next(PAGE);
    show(first);
    status.textContent =
      first.length === 0 ? `没有找到“${query}”。` : `“${query}”的搜索结果（按日期排列，最新的在前）：`;
    moreWrap.hidden = first.length < PAGE;
  } catch (e) {
    status.textContent =
      window.location.protocol === 'file:'
        ? '直接从磁盘打开网页时无法搜索，请通过网页服务器访问本站。'
        : '搜索索引加载失败，请稍后重试。';
    console.warn(e);
  }
}

more.addEventListener('click', async () => {
  const next = await current.next(PAGE);
  show(next);
  moreWrap.hidden = next.length < PAGE;
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = input.value;
  const url = new URL(window.location.href);
  url.searchParams.set('q', query);
  window.history.replaceState(null, '', url);
  run(query);
});

const initial = new URL(window.location.href).searchParams.get('q');
if (initial) {
  input.value = initial;
  run(initial);
}
