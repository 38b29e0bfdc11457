/**
 * Characters XML 1.0 does not allow anywhere, escaped or not: control
 * characters but tab and line ends, lone surrogates, U+FFFE and U+FFFF. One
 * in a title made a feed.xml that no reader could parse.
 */
export const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The first character of `text` that XML does not allow, as `U+0001`; undefined when there is none. */
export function firstNotXml(text: string): string | undefined {
  const i = text.search(NOT_XML);
  if (i < 0) return undefined;
  return `U+${text.codePointAt(i)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The message for a text value holding such a character (`what`: the key, as the editor wrote it). */
export function notXmlMessage(what: string, char: string): string {
  return (
    `「${what}」里有 XML 不允许的字符（${char}，多为从别处复制来的看不见的控制字符），` +
    '订阅源 feed.xml 中已把它去掉。请删去这个字符。'
  );
}
