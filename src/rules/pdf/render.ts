import { defineRule } from '../rule.js';

/** A PDF render that failed or timed out twice. */
export const pdfRender = defineRule({
  id: 'pdf/render',
  kind: 'run',
  severity: 'error',
  summary: '这一期的 PDF 排版失败或超时（已重试一次）',
  description:
    '排一期 PDF 失败或超时（每次 90 秒）时会自动重试一次，两次都不成功就报告，写明是哪一期和失败的原因。' +
    'yongzu build 这一次什么也不写（上一次的输出保持不变）；yongzu pdf 照常写出排好的其他各期。',
  fix: '再运行一次；仍失败的，检查 Chromium 能否启动（chromium --headless --version），或先用 yongzu build --no-pdf 生成网站。',
});
