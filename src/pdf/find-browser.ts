import { accessSync, constants } from 'node:fs';

/** Debian's Chromium, where `apt-get install chromium` puts it. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The outcome of looking for a browser: its path, or the Chinese message saying how to get one. */
export type BrowserLookup = { path: string } | { message: string };

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the Chromium to print with: `YONGZU_CHROMIUM` when set, then
 * /usr/bin/chromium. We never download a browser: the machine's own is used,
 * so every build prints with a known, updatable Chromium.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): BrowserLookup {
  const fromEnv = env['YONGZU_CHROMIUM'];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { path: fromEnv };
    return {
      message:
        `环境变量 YONGZU_CHROMIUM 指向的「${fromEnv}」不存在或不可执行，无法生成 PDF。请改为 Chromium 的实际路径（如 ${DEFAULT_CHROMIUM}），` +
        `或删除该变量并运行「sudo apt-get install chromium」安装；生成网站时也可用 yongzu build --no-pdf 跳过 PDF。`,
    };
  }
  if (isExecutable(DEFAULT_CHROMIUM)) return { path: DEFAULT_CHROMIUM };
  return {
    message:
      `没有找到 Chromium 浏览器（${DEFAULT_CHROMIUM}），无法生成 PDF。` +
      `请运行「sudo apt-get install chromium」安装（或运行 npm run setup），或用环境变量 YONGZU_CHROMIUM 指定浏览器路径；` +
      `生成网站时也可用 yongzu build --no-pdf 跳过 PDF。`,
  };
}
