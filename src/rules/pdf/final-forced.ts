import { defineRule } from '../rule.js';

/** `yongzu pdf --final --force` printed despite what --final would refuse. */
export const pdfFinalForced = defineRule({
  id: 'pdf/final-forced',
  kind: 'run',
  severity: 'warning',
  summary: '已按 --force 生成定稿 PDF，尽管还有未解决的问题',
  description:
    '加了 --force 时，「yongzu pdf --final」不再拒绝，照样生成定稿 PDF，并把原本会拒绝的原因列出来，提醒付印前再核对。',
  fix: '付印前核对列出的问题；能改的改好后重新生成，不必再加 --force。',
});
