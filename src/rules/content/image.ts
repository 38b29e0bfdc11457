import type { Nodes, Root } from 'mdast';
import { imageCaptionText } from '../../text/image-caption.js';
import { defineRule } from '../rule.js';
import type { TextFinding } from '../text-finding.js';

/**
 * Images written in a body: the bulletin prints text only, so an image is
 * left out of the site and the print (a local file would never be copied,
 * a remote one would make readers' browsers fetch from a third party). The
 * editor is told where each is and what remains of it.
 */
export const image = defineRule({
  id: 'content/image',
  kind: 'source',
  severity: 'warning',
  summary: '正文里有图片，网页和印刷版都不会显示',
  description:
    '刊物只收文字。正文里写的图片（![说明](照片.jpg)、网上的 ![](https://…/a.png)，或引用式的 ![说明][1]）' +
    '不会出现在网页和印刷版上：本地的图片文件不会被复制，网上的图片也不会去取（网站要能离线看，' +
    '也不能让读者的浏览器去访问别的网站）。图片有说明文字的，原处印成「〔图：说明〕」；没有说明的，什么也不留。' +
    '链接里的图片同样处理。代码里的图片标记不算。超过 3 万字，或星号、下划线、波浪线、反引号和方括号合计超过 1000 个的正文不查。',
  fix:
    '删去图片标记。说明文字要作为正文保留的，把它改写成正文的一句（如「图为……」写成「……」），' +
    '不要留在 ![ ] 里；需要配图的材料，另行报送。',
  examples: {
    fail: [
      { text: '一是根据需要调配干部。\n\n![县委组织部干部培训现场](照片.jpg)', at: '3:1' },
      { text: '全县召开动员大会![](http://www.example.cn/a.png)。', at: '1:9' },
      { text: '会议现场见![会议现场][1]。\n\n[1]: 会议.png', at: '1:6', note: '引用式的图片。' },
      { text: '详见[![网站截图](截图.png)](https://www.gov.cn/)。', at: '1:4', note: '链接里的图片。' },
    ],
    pass: [
      { text: '图为县委组织部干部培训现场。' },
      { text: '[中国政府网](https://www.gov.cn/)，代码 `![说明](照片.jpg)` 不算。' },
    ],
  },
});

/** Whether a body may hold an image, so that it must be parsed for this rule. */
export function mayHaveImages(body: string): boolean {
  return body.includes('![');
}

/** The images (inline and reference-style, inside links too) of a body's syntax tree, at their indexes. */
export function findImages(tree: Root): TextFinding[] {
  const out: TextFinding[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'image' || node.type === 'imageReference') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined)
        out.push({ index: start, length: end - start, message: said(node.alt) });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return out;
}

function said(alt: string | null | undefined): string {
  const caption = imageCaptionText(alt ?? '');
  const what = caption ? `图片「${alt!.trim()}」` : '一张没有说明的图片';
  const left = caption ? `原处只印「${caption}」` : '原处什么也不留';
  return (
    `正文这里有${what}。刊物只收文字，图片不会出现在网页和印刷版上，${left}。` +
    '请删去图片标记；说明文字要保留的，改写成正文的一句。'
  );
}
