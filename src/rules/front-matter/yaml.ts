import type { Diagnostic, Place } from '../../diagnostics/diagnostic.js';
import { edited, SUBMISSION } from '../examples.js';
import { defineRule } from '../rule.js';

const TITLE = 'title: 江华县全力为新型工业化提供干部保障';

/** A YAML syntax error, at its line. */
export const frontMatterYaml = defineRule({
  id: 'front-matter/yaml',
  kind: 'source',
  severity: 'error',
  summary: '文件头（或 issue.yml、配置文件）的 YAML 格式错误',
  description:
    '文件头、issue.yml 和 yongzu.config.yml 都用 YAML 写成「键: 值」的几行。同一个键写了两次、缩进不对、' +
    '引号不成对、用 Tab 缩进等，都读不出来。报告指向出错的那一行，并说明是哪一种错。',
  fix: '检查报告所指的那一行：键和值之间用半角冒号加空格（「键: 值」），缩进用空格，引号成对，同一个键只写一次。',
  examples: {
    fail: [
      { files: edited(SUBMISSION, TITLE, 'title: "江华县全力为新型工业化提供干部保障'), at: `${SUBMISSION}:5:26` },
      { files: edited(SUBMISSION, 'county: 江华县\n', 'county: 江华县\ncounty: 道县\n'), at: `${SUBMISSION}:4:1` },
    ],
    pass: [{ files: edited(SUBMISSION, TITLE, 'title: "江华县全力为新型工业化提供干部保障"') }],
  },
});

const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: '同一个键写了两次',
  BAD_INDENT: '缩进不对',
  MISSING_CHAR: '缺少配对的引号或括号',
  MULTILINE_IMPLICIT_KEY: '键不能跨行，可能是上一行的冒号后少了空格',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不对',
  UNEXPECTED_TOKEN: '出现了意外的字符',
  TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
  BAD_SCALAR_START: '值不能以这个字符开头，请给值加上引号',
  ALIAS_PROPS: '别名写法不对',
  BAD_ALIAS: '引用了不存在的别名',
};

/** The diagnostic of a YAML parser error (its code, as the `yaml` package names it) at its place. */
export function yamlError(file: string, place: Place, code: string): Diagnostic {
  const what = YAML_MESSAGES[code] ?? 'YAML 格式错误';
  return frontMatterYaml.report(
    file,
    place,
    `${what}（YAML ${code}）。请检查这一行：键和值之间用半角冒号加空格（「键: 值」），缩进用空格，引号成对。`,
  );
}
