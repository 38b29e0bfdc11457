// The table printed by run.mjs, and the targets of issues 7 and 17.
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const ms = (v) => `${v.toFixed(0)} ms`;

/** Rows { metric, median, range, rss, target, met } from the results object of run.mjs. */
export function rows(results) {
  const out = [];
  const RSS_MB = 400;
  for (const [n, r] of Object.entries(results.corpora)) {
    const site = r.site;
    if (site) {
      // Median of the ratios of runs made back to back (older results: ratio of the medians).
      const ratio = site.ratio?.median ?? site.cold.median / site.eleventy.median;
      out.push(row(`check (${n} issues)`, site.check, s, '≤ 1.0 s', site.check.median <= 1000));
      out.push(
        row(`build --no-pdf cold (${n})`, site.cold, s, `≤ 0.5 × Eleventy (ratio ${ratio.toFixed(2)})`, ratio <= 0.5),
      );
      out.push(row(`build --no-pdf warm, no change (${n})`, site.warm, s, '≤ 0.3 s', site.warm.median <= 300));
      out.push(row(`Eleventy 3 cold (${n})`, site.eleventy, s, 'reference', undefined));
    }
    if (site && Number(n) === 2000) {
      // Issue 14 item 7: the 2000-issue archive builds within the memory of a modest machine (400 MB).
      out.push({
        metric: 'peak RSS, build --no-pdf cold (2000 issues)',
        median: `${site.cold.rssMb.toFixed(0)} MB`,
        range: '',
        rss: '',
        target: `≤ ${RSS_MB} MB`,
        met: site.cold.rssMb <= RSS_MB ? 'yes' : 'NO',
      });
    }
    if (r.search) {
      const q = r.search;
      const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
      out.push({
        metric: `search: bytes per query, median (${n}, ${q.phrases} phrases)`,
        median: kb(q.bytes.median),
        range: `${kb(q.bytes.min)}–${kb(q.bytes.max)}`,
        rss: '',
        target: '≤ 40 KB',
        met: q.bytes.median <= 40 * 1024 ? 'yes' : 'NO',
      });
      out.push({
        metric: `search: bytes per query, p95 (${n})`,
        median: kb(q.bytes.p95),
        range: '',
        rss: '',
        target: '≤ 120 KB',
        met: q.bytes.p95 <= 120 * 1024 ? 'yes' : 'NO',
      });
      out.push({
        metric: `search: recall (${n})`,
        median: `${(q.recall * 100).toFixed(1)} %`,
        range: q.missed.length ? `missed ${q.missed.slice(0, 3).join(' ')}` : '',
        rss: '',
        target: '100 %',
        met: q.recall === 1 ? 'yes' : 'NO',
      });
      out.push({
        metric: `search: page opened → first result (${n})`,
        median: ms(q.pageMs.median),
        range: `${ms(q.pageMs.min)}–${ms(q.pageMs.max)}, p95 ${ms(q.pageMs.p95)}`,
        rss: '',
        target: 'reference',
        met: '',
      });
      out.push({
        metric: `search: query → first result (${n})`,
        median: ms(q.queryMs.median),
        range: `${ms(q.queryMs.min)}–${ms(q.queryMs.max)}, p95 ${ms(q.queryMs.p95)}`,
        rss: '',
        target: 'reference',
        met: '',
      });
    }
    if (r.dev) {
      out.push(
        row(`dev edit → reload event (${n})`, { ...r.dev.reload, rssMb: undefined }, ms, 'reference', undefined),
      );
      out.push(
        row(
          `dev edit → page served (${n})`,
          { ...r.dev.page, rssMb: r.dev.rssMb },
          ms,
          '≤ 50 ms',
          r.dev.page.median <= 50,
        ),
      );
    }
    const b = r.devBrowser;
    if (b) {
      // The 1-minute load average before and after the four runs: the machine is shared.
      const load = b.loadavg ? `, load ${b.loadavg.before[0].toFixed(1)}→${b.loadavg.after[0].toFixed(1)}` : '';
      out.push(
        row(
          `dev edit → text visible in Chromium, in place (${n}${load})`,
          b.pageInPlace,
          ms,
          '≤ 50 ms',
          b.pageInPlace.median <= 50,
        ),
      );
      out.push(row(`dev edit → text visible, full reload (${n})`, b.pageReload, ms, 'reference (before)', undefined));
      out.push(row(`dev edit → print preview repaginated in place (${n})`, b.printInPlace, s, 'reference', undefined));
      out.push(row(`dev edit → print preview, full reload (${n})`, b.printReload, s, 'reference (before)', undefined));
    }
  }
  const pdf = results.pdf;
  if (pdf) {
    const single = pdf.single;
    const batch = pdf.batch;
    const perPage = (x) => x.render.median / x.pages.reduce((a, b) => a + b, 0);
    out.push(
      row(
        `PDF one issue, render (${single.pages[0]} pages)`,
        { ...single.render, rssMb: single.rssMb },
        s,
        'reference',
        undefined,
      ),
    );
    out.push(row(`PDF one issue, whole process`, { ...single.wall, rssMb: single.rssMb }, s, 'reference', undefined));
    const per = batch.render.median / batch.issues;
    const per4 = perPage(batch) * 4;
    out.push({
      metric: `PDF batch of ${batch.issues}, per issue (avg ${(batch.pages.reduce((a, b) => a + b, 0) / batch.issues).toFixed(1)} pages)`,
      median: s(per),
      range: `${s(batch.render.min / batch.issues)}–${s(batch.render.max / batch.issues)}`,
      rss: `${batch.rssMb.toFixed(0)} MB`,
      target: '≤ 0.6 s per 4-page issue',
      met: per4 <= 600 ? 'yes' : 'NO',
    });
    out.push({
      metric: 'PDF batch, per 4 pages (derived)',
      median: s(per4),
      range: '',
      rss: '',
      target: '≤ 0.6 s',
      met: per4 <= 600 ? 'yes' : 'NO',
    });
  }
  const peak = Math.max(...collectRss(results));
  out.push({
    metric: 'peak RSS, any yongzu run',
    median: `${peak.toFixed(0)} MB`,
    range: '',
    rss: '',
    target: `≤ ${RSS_MB} MB`,
    met: peak <= RSS_MB ? 'yes' : 'NO',
  });
  return out;
}

function row(metric, x, fmt, target, met) {
  return {
    metric,
    median: fmt(x.median),
    range: `${fmt(x.min)}–${fmt(x.max)}`,
    rss: x.rssMb === undefined ? '' : `${x.rssMb.toFixed(0)} MB`,
    target,
    met: met === undefined ? '' : met ? 'yes' : 'NO',
  };
}

/** Peak RSS of yongzu's own runs (Eleventy excluded). */
function collectRss(results) {
  const all = [];
  for (const r of Object.values(results.corpora)) {
    if (r.site) all.push(r.site.check.rssMb, r.site.cold.rssMb, r.site.warm.rssMb);
    if (r.dev?.rssMb) all.push(r.dev.rssMb);
  }
  if (results.pdf) all.push(results.pdf.single.rssMb, results.pdf.batch.rssMb);
  return all.length > 0 ? all : [0];
}

/** A Markdown table (also readable in a terminal). */
export function table(list) {
  const head = ['metric', 'median', 'min–max', 'peak RSS', 'target', 'met?'];
  const lines = [
    head,
    head.map(() => '---'),
    ...list.map((r) => [r.metric, r.median, r.range, r.rss, r.target, r.met]),
  ];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Growth between corpus sizes: time and RSS ratios against the issue-count ratio. */
export function growth(results) {
  const sizes = Object.keys(results.corpora)
    .map(Number)
    .sort((a, b) => a - b);
  const lines = [];
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [results.corpora[sizes[i - 1]].site, results.corpora[sizes[i]].site];
    if (!a || !b) continue;
    const f = (k) =>
      `${k} ×${(b[k].median / a[k].median).toFixed(2)} time, ×${(b[k].rssMb / a[k].rssMb).toFixed(2)} RSS`;
    lines.push(
      `${sizes[i - 1]} → ${sizes[i]} issues (×${(sizes[i] / sizes[i - 1]).toFixed(1)}): ${['check', 'cold', 'warm', 'eleventy'].map(f).join('; ')}`,
    );
  }
  return lines;
}
