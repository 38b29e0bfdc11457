import { createHash } from 'node:crypto';
import { NOT_XML } from '../util/xml-text.js';
import { issuePagePath } from './site-paths.js';
import type { Config } from '../model/config.js';
import type { IssueModel } from '../model/issue-model.js';

/** How many of the newest issues the feed carries: readers' feed tools only look at recent ones. */
export const FEED_ENTRIES = 20;

/** Escapes text for XML element content and attribute values; characters XML does not allow are removed. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(
      /[<>&"']/g,
      (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
    );
}

/**
 * A stable `urn:uuid:` for a name: Atom ids must be IRIs that never change,
 * and without a configured base URL there is no address to use instead.
 */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  // Shaped as a version-5 (name-based, SHA-1) UUID.
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  const parts = [h.slice(0, 8), h.slice(8, 12), `5${h.slice(13, 16)}`, `${variant}${h.slice(17, 20)}`, h.slice(20, 32)];
  return `urn:uuid:${parts.join('-')}`;
}

/**
 * `https://x/y` + `2009/18/index.html`: absolute when a base URL is configured, else relative to feed.xml at the root.
 */
export function siteUrl(baseUrl: string, path: string): string {
  if (!baseUrl) return path;
  return `${baseUrl.replace(/\/+$/, '')}/${path}`;
}

/** An issue's date as an RFC 3339 timestamp: midnight, Beijing time. */
function atomDate(date: string): string {
  return `${date}T00:00:00+08:00`;
}

/**
 * The Atom feed of the newest issues (`feed.xml` at the root). Links are
 * absolute when `site.baseUrl` is set, otherwise relative to the feed itself,
 * which Atom allows (they resolve against the feed's own address).
 */
export function renderFeed(newestFirst: readonly IssueModel[], config: Config): string {
  const base = config.site.baseUrl;
  const entries = newestFirst.slice(0, FEED_ENTRIES).map((issue) => {
    const href = siteUrl(base, issuePagePath(issue));
    const title = `${config.bulletin} ${issue.year}年第${issue.issue}期（总第${issue.total}期）`;
    const summary = issue.articles
      .map((a) => `${a.theme}：${a.sections.map((s) => `${s.countyText}，${s.title}`).join('；')}`)
      .join('。');
    return [
      '  <entry>',
      `    <title>${escapeXml(title)}</title>`,
      `    <id>${escapeXml(base ? href : stableUuid(`${config.bulletin}/${issue.path}`))}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(href)}"/>`,
      `    <updated>${atomDate(issue.date)}</updated>`,
      `    <summary type="text">${escapeXml(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  const updated = newestFirst[0] ? atomDate(newestFirst[0].date) : '1970-01-01T00:00:00Z';
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <title>${escapeXml(config.site.title)}</title>`,
    `  <id>${escapeXml(base ? siteUrl(base, '') : stableUuid(config.site.title))}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(config.publisher)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(siteUrl(base, 'feed.xml'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(siteUrl(base, 'index.html'))}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
