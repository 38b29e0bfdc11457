// The search page. Everything it shows lives in its address: the query (q),
// the filters (year, county), the order (sort=relevance) and how far the
// list was read (n), so Back, reload and a shared link show the same list;
// where the reader had scrolled is kept in the history entry. Narrowing by a
// facet or reading on loads only the write-ups not shown yet. Text from the
// index is only ever set as textContent.
(() => {
  const PAGE = 10;
  const $ = (id) => document.getElementById(id);
  const form = $('search-form');
  const input = $('q');
  const status = $('search-status');
  const tools = $('search-tools');
  const list = $('search-results');
  const moreWrap = $('search-more-wrap');
  const more = $('search-more');
  const failed = $('search-failed');
  const root = new URL(form.dataset.root || './', location.href);
  const engine = self.YongzuSearch.createSearchEngine(root);
  const pageTitle = document.title;
  /** The search whose results are on screen: its key, its result, and how many are shown. */
  let shown;
  /** Renders run one at a time; a newer one makes older ones stop. */
  let generation = 0;

  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs ?? {})) {
      if (v !== undefined && v !== false) node.setAttribute(k, v === true ? '' : v);
    }
    node.append(...children);
    return node;
  }

  /** The state in the address. */
  function stateOf(url) {
    const p = new URL(url).searchParams;
    const n = Number(p.get('n'));
    return {
      q: p.get('q') ?? '',
      year: p.get('year') ?? '',
      county: p.get('county') ?? '',
      sort: p.get('sort') === 'relevance' ? 'relevance' : 'date',
      n: Number.isInteger(n) && n > PAGE ? Math.min(n, 1000) : PAGE,
    };
  }

  /** The address of a state (only what differs from the defaults). */
  function urlOf(state) {
    const url = new URL(location.href);
    url.search = '';
    url.hash = '';
    if (state.q) url.searchParams.set('q', state.q);
    if (state.year) url.searchParams.set('year', state.year);
    if (state.county) url.searchParams.set('county', state.county);
    if (state.sort === 'relevance') url.searchParams.set('sort', 'relevance');
    if (state.n > PAGE) url.searchParams.set('n', String(state.n));
    return url.href;
  }

  /** Goes to a state: a new history entry (a new query, a filter) or this one changed (reading on). */
  function go(state, replace) {
    const entry = { scrollY: replace ? window.scrollY : 0 };
    if (replace) history.replaceState(entry, '', urlOf(state));
    else history.pushState(entry, '', urlOf(state));
    return render(state, undefined);
  }

  /** A link to a state, which goes there without loading the page again. */
  function stateLink(state, text, current) {
    const a = el('a', { href: urlOf(state), 'aria-current': current ? 'true' : undefined }, ...text);
    a.addEventListener('click', (event) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      go(state, false);
    });
    return a;
  }

  const count = (n) => el('span', { class: 'count' }, `（${n}）`);

  function renderTools(state, found) {
    const base = { ...state, n: PAGE };
    const sort = el(
      'p',
      { class: 'facet-sort' },
      '排序：',
      stateLink({ ...base, sort: 'date' }, ['按日期'], state.sort === 'date'),
      ' · ',
      stateLink({ ...base, sort: 'relevance' }, ['按相关度'], state.sort === 'relevance'),
    );
    const facet = (id, title, all, key, values, label) =>
      el(
        'div',
        { class: 'facet' },
        el('h3', { id }, title),
        el(
          'ul',
          { 'aria-labelledby': id },
          el('li', {}, stateLink({ ...base, [key]: '' }, [all], state[key] === '')),
          ...values.map(([value, n]) =>
            el(
              'li',
              {},
              stateLink({ ...base, [key]: String(value) }, [label(value), count(n)], state[key] === String(value)),
            ),
          ),
        ),
      );
    tools.replaceChildren(
      el('h2', { id: 'search-tools-title', class: 'visually-hidden' }, '排序与筛选'),
      sort,
      facet('facet-year', '年份', '全部年份', 'year', found.years, (y) => `${y}年`),
      facet('facet-county', '县区', '全部县区', 'county', found.counties, (c) => c),
    );
    tools.hidden = false;
  }

  function renderResults(results) {
    const items = results.map((r) => {
      const link = el('a', { href: new URL(r.href, root).href }, r.title);
      const passage = el(
        'p',
        { class: 'passage' },
        ...r.passage.map(([text, marked]) => (marked ? el('mark', {}, text) : text)),
      );
      return el(
        'li',
        { class: 'search-result' },
        el('h3', { class: 'result-title' }, link),
        el('p', { class: 'entry-meta' }, `${r.county} · ${r.issue} · ${r.theme}`),
        passage,
      );
    });
    list.append(...items);
    return items;
  }

  function describe(state, found) {
    const terms = found.terms.map((t) => `“${t}”`).join('');
    const filters = [state.year && `${state.year}年`, state.county].filter(Boolean).join('、');
    const order = state.sort === 'relevance' ? '按相关度排列' : '按日期排列，最新的在前';
    let text =
      found.total === 0
        ? `没有找到含有${terms}的稿件${filters ? `（${filters}）` : ''}。`
        : `含有${terms}的稿件${filters ? `（${filters}）` : ''}共 ${found.total} 篇，${order}。`;
    if (found.total === 0 && found.terms.length > 1 && !filters) {
      const each = found.terms.map((t, i) => `“${t}”${found.termCounts[i]} 篇`).join('，');
      text += `分别查找：${each}。`;
    }
    if (found.short.length > 0) {
      text += `单字${found.short.map((t) => `“${t}”`).join('')}不能单独搜索，已略去。`;
    }
    return text;
  }

  /** Shows a state; `restore` is the scroll position to go back to once the list is there. */
  async function render(state, restore) {
    const mine = ++generation;
    performance.mark('yongzu-search-start');
    input.value = state.q;
    failed.hidden = true;
    document.title = state.q ? `${state.q} · ${pageTitle}` : pageTitle;
    const key = JSON.stringify([state.q, state.year, state.county, state.sort]);
    if (state.q.trim() === '') {
      shown = undefined;
      status.textContent = '请输入要搜索的字词。';
      tools.hidden = true;
      list.replaceChildren();
      moreWrap.hidden = true;
      return;
    }
    try {
      if (!shown || shown.key !== key || shown.count > state.n) {
        if (!shown || shown.key !== key) status.textContent = '正在搜索……';
        const found = await engine.search(state.q, state);
        if (mine !== generation) return;
        if (found.terms.length === 0) {
          shown = undefined;
          status.textContent = '请输入至少两个字的词：单个字几乎在每篇稿件中都会出现，不能单独搜索。';
          tools.hidden = true;
          list.replaceChildren();
          moreWrap.hidden = true;
          return;
        }
        shown = { key, found, count: 0 };
        list.replaceChildren();
        status.textContent = describe(state, found);
        if (found.years.length > 0 || state.year || state.county) renderTools(state, found);
        else tools.hidden = true;
      }
      const { found } = shown;
      const want = Math.min(state.n, found.total);
      let added = [];
      if (shown.count < want) {
        const results = await found.page(shown.count, want - shown.count);
        if (mine !== generation) return;
        added = renderResults(results);
        if (shown.count === 0) performance.mark('yongzu-first-result');
        shown.count = want;
      }
      moreWrap.hidden = shown.count >= found.total;
      more.textContent = `显示更多结果（还有 ${found.total - shown.count} 篇）`;
      if (restore !== undefined) window.scrollTo(0, restore);
      return added;
    } catch (e) {
      if (mine !== generation) return;
      console.warn(e);
      shown = undefined;
      status.textContent = '';
      tools.hidden = true;
      list.replaceChildren();
      moreWrap.hidden = true;
      failed.hidden = false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go({ q: input.value.trim(), year: '', county: '', sort: stateOf(location.href).sort, n: PAGE }, false);
  });

  more.addEventListener('click', async () => {
    const state = stateOf(location.href);
    const added = await go({ ...state, n: (shown?.count ?? state.n) + PAGE }, true);
    // The reader goes on from the first new result.
    added?.[0]?.querySelector('a')?.focus();
  });

  window.addEventListener('popstate', (event) => render(stateOf(location.href), event.state?.scrollY));

  // Where the reader is in the list, kept in the history entry for Back and reload.
  let saving;
  const save = () => {
    clearTimeout(saving);
    history.replaceState({ ...history.state, scrollY: window.scrollY }, '');
  };
  window.addEventListener('scroll', () => {
    clearTimeout(saving);
    saving = setTimeout(save, 200);
  });
  window.addEventListener('pagehide', save);

  render(stateOf(location.href), history.state?.scrollY);
})();
