/**
 * The bulletin prints text only: an image written in a body (`![说明](照片.jpg)`)
 * is left out of every output, and its description, when it has one, stays
 * in its place as this text, the same on the site, the print, the feed and
 * the search (src/render/markdown-pipeline.ts). The check's warning
 * (content/image) quotes it, so the editor reads what readers will see.
 */
export function imageCaptionText(alt: string): string | undefined {
  const text = alt.trim();
  return text === '' ? undefined : `〔图：${text}〕`;
}
