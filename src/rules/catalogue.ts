import { devRebuild } from './dev/rebuild.js';
import { feedInvalidCharacter } from './feed/invalid-character.js';
import { fileUnreadable } from './file/unreadable.js';
import { fixTooLarge } from './fix/too-large.js';
import { folderSymlink } from './folder/symlink.js';
import { importTooLarge } from './import/too-large.js';
import { importUnreadable } from './import/unreadable.js';
import { writeSource } from './write/source.js';
import { bodyEmpty } from './body/empty.js';
import { buildLocked } from './build/locked.js';
import { buildWrite } from './build/write.js';
import { countyConfiguredTwice } from './county/configured-twice.js';
import { headingLevel } from './content/heading-level.js';
import { image } from './content/image.js';
import { literalDelimiter } from './content/literal-delimiter.js';
import { rawHtml } from './content/raw-html.js';
import { tooDeep } from './content/too-deep.js';
import { COPY_RULES } from './copy-rules.js';
import { countyDuplicate } from './county/duplicate.js';
import { countyKnown } from './county/known.js';
import { notUtf8 } from './encoding/not-utf8.js';
import { undecodable } from './encoding/undecodable.js';
import { tooLarge } from './file/too-large.js';
import { noIssueYml } from './folder/no-issue-yml.js';
import { unsupportedFile } from './folder/unsupported-file.js';
import { aliasLimit } from './front-matter/alias-limit.js';
import { fullwidthColon } from './front-matter/fullwidth-colon.js';
import { frontMatterMissing } from './front-matter/missing.js';
import { notMapping } from './front-matter/not-mapping.js';
import { frontMatterUnclosed } from './front-matter/unclosed.js';
import { frontMatterYaml } from './front-matter/yaml.js';
import { importDamaged } from './import/damaged.js';
import { importEmpty } from './import/empty.js';
import { importFormattingLost } from './import/formatting-lost.js';
import { importImagesDropped } from './import/images-dropped.js';
import { importNotFound } from './import/not-found.js';
import { importSignOff } from './import/sign-off.js';
import { importUndecodable } from './import/undecodable.js';
import { importUnsupported } from './import/unsupported.js';
import { issueDateYear } from './issue/date-year.js';
import { duplicateNumber } from './issue/duplicate-number.js';
import { duplicateTotal } from './issue/duplicate-total.js';
import { issueMatch } from './issue/match.js';
import { newExists } from './new/exists.js';
import { newNoIssue } from './new/no-issue.js';
import { newWhichYear } from './new/which-year.js';
import { outputNotEmpty } from './output/not-empty.js';
import { outputNotFolder } from './output/not-folder.js';
import { outputProtected } from './output/protected.js';
import { pdfBrowser } from './pdf/browser.js';
import { pdfContentLost } from './pdf/content-lost.js';
import { pdfFontLoad } from './pdf/font-load.js';
import { pdfFinalForced } from './pdf/final-forced.js';
import { pdfFontType3 } from './pdf/font-type3.js';
import { pdfFontUnusable } from './pdf/font-unusable.js';
import { pdfNoOutputIntent } from './pdf/no-output-intent.js';
import { pdfNotFinal } from './pdf/not-final.js';
import { pdfNoIssue } from './pdf/no-issue.js';
import { pageBudget } from './pdf/page-budget.js';
import { loneLine } from './pdf/lone-line.js';
import { sourceAlone } from './pdf/source-alone.js';
import { pdfRender } from './pdf/render.js';
import { pdfUnknownIssue } from './pdf/unknown-issue.js';
import { noIssuesDir } from './project/no-issues-dir.js';
import { renderMarkdown } from './render/markdown.js';
import { renderTemplate } from './render/template.js';
import type { Rule } from './rule.js';
import { schemaRequired } from './schema/required.js';
import { schemaType } from './schema/type.js';
import { unknownKey } from './schema/unknown-key.js';
import { themeDeclared } from './theme/declared.js';
import { themeUnused } from './theme/unused.js';
import { titleFinalPeriod } from './title/final-period.js';

/** A family of rules: what they are about (the first part of their ids, and their folder under src/rules/). */
export interface Family {
  id: string;
  /** Chinese heading. */
  title: string;
  /** One Chinese line: what the family's rules look at. */
  about: string;
  rules: readonly Rule[];
}

/**
 * Every rule of yongzu, by family, in the order a source is read: the folders
 * and files, the front-matter, its values, the body, its copy; then what the
 * commands report about their runs.
 */
export const FAMILIES: readonly Family[] = [
  { id: 'project', title: '项目', about: '项目文件夹本身。', rules: [noIssuesDir] },
  {
    id: 'folder',
    title: '文件夹',
    about: 'issues/ 下每期一个文件夹，里面是 issue.yml 和各篇稿件。',
    rules: [noIssueYml, unsupportedFile, folderSymlink],
  },
  { id: 'file', title: '文件', about: '读每个文件之前。', rules: [tooLarge, fileUnreadable] },
  { id: 'encoding', title: '编码', about: '文件存成了什么编码。', rules: [notUtf8, undecodable] },
  {
    id: 'front-matter',
    title: '文件头',
    about: '稿件开头两行「---」之间的部分，以及 issue.yml、yongzu.config.yml 的 YAML 写法。',
    rules: [frontMatterMissing, frontMatterUnclosed, frontMatterYaml, fullwidthColon, notMapping, aliasLimit],
  },
  {
    id: 'schema',
    title: '各项的写法',
    about: '文件头、issue.yml、yongzu.config.yml 里有哪些项，每一项怎么写。',
    rules: [schemaRequired, schemaType, unknownKey],
  },
  {
    id: 'issue',
    title: '期号和日期',
    about: '稿件属于哪一期，各期的期号、总期号和日期。',
    rules: [issueMatch, issueDateYear, duplicateNumber, duplicateTotal],
  },
  {
    id: 'county',
    title: '县区',
    about: '稿件来自哪个县区。',
    rules: [countyKnown, countyDuplicate, countyConfiguredTwice],
  },
  { id: 'theme', title: '主题', about: '每期的主题（栏目）和稿件的 theme。', rules: [themeDeclared, themeUnused] },
  { id: 'title', title: '标题', about: '稿件的 title，即正文前加粗的导语。', rules: [titleFinalPeriod] },
  { id: 'body', title: '正文', about: '文件头下面的正文。', rules: [bodyEmpty] },
  {
    id: 'content',
    title: '正文的 Markdown',
    about: '正文里排版处理不了、不会显示或会显示错的写法。',
    rules: [rawHtml, tooDeep, literalDelimiter, headingLevel, image],
  },
  {
    id: 'copy',
    title: '文字规范',
    about: '正文和标题的标点、数字、序号写法（GB/T 15834、GB/T 15835）。代码、网址和链接地址不看。',
    rules: COPY_RULES,
  },
  {
    id: 'pdf',
    title: '印刷版 PDF',
    about: '生成印刷版 PDF（yongzu build、yongzu pdf）时。',
    rules: [
      pageBudget,
      loneLine,
      sourceAlone,
      pdfBrowser,
      pdfRender,
      pdfContentLost,
      pdfFontLoad,
      pdfFontType3,
      pdfFontUnusable,
      pdfNoOutputIntent,
      pdfNotFinal,
      pdfFinalForced,
      pdfUnknownIssue,
      pdfNoIssue,
    ],
  },
  {
    id: 'feed',
    title: '订阅源',
    about: '进入订阅源 feed.xml 的文字：标题、县区、专题、刊名。',
    rules: [feedInvalidCharacter],
  },
  { id: 'build', title: '生成', about: 'yongzu build 写出网站和 PDF 时。', rules: [buildWrite, buildLocked] },
  { id: 'render', title: '排版', about: '把稿件排成网页和印刷版时。', rules: [renderMarkdown, renderTemplate] },
  {
    id: 'output',
    title: '输出文件夹',
    about: 'build、pdf、dev 写入 --out 指定的文件夹之前。',
    rules: [outputProtected, outputNotEmpty, outputNotFolder],
  },
  {
    id: 'new',
    title: '新建',
    about: 'yongzu new issue、yongzu new submission。',
    rules: [newExists, newNoIssue, newWhichYear],
  },
  {
    id: 'import',
    title: '导入',
    about: 'yongzu import 读取 Word、文本文件时。',
    rules: [
      importNotFound,
      importUnreadable,
      importTooLarge,
      importUndecodable,
      importUnsupported,
      importDamaged,
      importEmpty,
      importImagesDropped,
      importSignOff,
      importFormattingLost,
    ],
  },
  {
    id: 'fix',
    title: '自动改正',
    about: 'yongzu check --fix 改正文件时。',
    rules: [fixTooLarge],
  },
  {
    id: 'write',
    title: '写入源文件',
    about: 'check --fix、import、new 写入稿件和 issue.yml 时。',
    rules: [writeSource],
  },
  { id: 'dev', title: '预览', about: 'yongzu dev 重建预览时。', rules: [devRebuild] },
];

/** Every rule, in catalogue order. */
export const RULES: readonly Rule[] = FAMILIES.flatMap((f) => f.rules);

/** The family of a rule id: the part before the slash. */
export const familyOf = (id: string): string => id.slice(0, id.indexOf('/'));

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
