import { defineRule } from '../rule.js';

/** yongzu import: a kind of file it does not read, or an old Word/WPS file with no LibreOffice to convert it. */
export const importUnsupported = defineRule({
  id: 'import/unsupported',
  kind: 'run',
  severity: 'error',
  summary: '不支持导入这种文件，或没装 LibreOffice 转换旧版 .doc、.wps',
  description:
    'yongzu import 能读 .docx、.txt 和 .md。旧版 Word 的 .doc 和 WPS 的 .wps，装了 LibreOffice 时会先自动转换成 .docx' +
    '（soffice --headless --convert-to docx）再导入；没装就读不了。其他格式读不了。读不了时什么也没有写。',
  fix:
    '.doc、.wps：安装 LibreOffice（Debian、Ubuntu 上是 sudo apt install libreoffice-writer）后再导入，' +
    '或在 Word、WPS 里打开，「另存为」.docx 后再导入。其他格式：存成 .docx 或 .txt。',
});
