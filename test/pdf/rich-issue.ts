/**
 * A generated issue with what prints hardest: a 46-character theme, a table
 * running over a page break (with a number column), a footnote, long URLs
 * and Latin runs in justified text, h4–h6 headings, two images (printed as
 * their descriptions), and an imprint (版记) with a two-character label.
 * Used by the print tests and the preflight.
 */

/** The long theme: 46 characters, which wrapped 20 + 20 + 6 and split 工|作 before balancing. */
export const LONG_THEME =
  '坚持以党建引领基层治理创新全面推进基层党组织标准化规范化建设和干部队伍能力提升工作取得新成效';

const PARAGRAPH =
  '今年以来，全县紧紧围绕中心工作，坚持把加强基层组织建设作为固本之举，扎实推进各项工作落实，' +
  '基层党组织的创造力、凝聚力和战斗力明显增强，为经济社会发展提供了坚强组织保证。';

const URL = 'https://www.example.gov.cn/dangjian/jiceng/2009/06/t20090615_123456789/index-detail-page.html';

function table(rows: number): string {
  const lines = ['| 乡镇 | 党员人数 | 发展对象 | 备注 |', '|---|---|---|---|'];
  for (let i = 1; i <= rows; i++) {
    lines.push(`| 第${i}乡镇 | ${100 + i * 7} | ${i * 3} | 按期完成 |`);
  }
  return lines.join('\n');
}

/** issue.yml and the submissions of the rich issue, as project files. */
export function richIssueFiles(folder = '2009-19'): Record<string, string | Uint8Array> {
  const body = [
    `一是夯实基层基础。${PARAGRAPH}${PARAGRAPH}`,
    `二是强化制度保障。${PARAGRAPH}详细办法见市委组织部网站${URL}上的通知，各地可对照执行。${PARAGRAPH}`,
    `三是加强培训管理。${PARAGRAPH}培训资料统一发布在${URL.replace('index-detail-page', 'training-materials-2009')}上，` +
      `联系邮箱organization-department-training@example.gov.cn，${PARAGRAPH}`,
    // URLs of 60 to 120 characters at different places in a paragraph: some cross a line or page break.
    ...Array.from(
      { length: 8 },
      (_, i) => `${'全县组织工作稳步推进。'.repeat(i + 2)}相关材料见${URL.slice(0, 60 + i * 8)}，${PARAGRAPH}`,
    ),
    '# 各乡镇党员发展情况',
    `全县各乡镇党员发展情况如下表[^1]。${PARAGRAPH}`,
    table(34),
    `表中数据截至6月底。${PARAGRAPH}${PARAGRAPH}`,
    '## 下一步工作打算',
    `${PARAGRAPH}${PARAGRAPH}`,
    '### 加强督促检查',
    `${PARAGRAPH}`,
    '#### 健全长效机制',
    `${PARAGRAPH}${PARAGRAPH}`,
    '![全县党员分布示意图](分布图.png)',
    '![没有这张图](不存在.png)',
    '[^1]: 数据由各乡镇党委上报，县委组织部汇总。',
  ].join('\n\n');
  return {
    [`issues/${folder}/issue.yml`]:
      '# 永组信息 第19期（总第477期）\nyear: 2009\nissue: 19\ntotal: 477\ndate: 2009-06-30\nthemes:\n' +
      `  - ${LONG_THEME}\n` +
      'distribution:\n  抄送: 省委组织部，市委各位常委\n  发: 各县区委组织部，市直各单位党组（党委）\ncopies: 150\n',
    // The bulletin prints text only: the image is not printed even though its file is there.
    [`issues/${folder}/分布图.png`]: 'not read',
    [`issues/${folder}/01-jianghua.md`]: `---\nissue: 19\ncounty: 江华县\ntheme: ${LONG_THEME}\ntitle: 江华县以党建引领基层治理\n---\n\n${body}\n`,
  };
}
