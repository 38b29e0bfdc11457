import type { CopyFinding, CopyRule } from './copy-rule.js';

/** Builds a rule from one regular expression and a function describing each match. */
function regexRule(
  id: string,
  re: RegExp,
  describe: (
    m: RegExpMatchArray,
  ) => (Omit<CopyFinding, 'index' | 'length'> & { index?: number; length?: number }) | undefined,
): CopyRule {
  return {
    id,
    check(text) {
      const out: CopyFinding[] = [];
      for (const m of text.matchAll(re)) {
        const d = describe(m);
        if (d)
          out.push({
            index: m.index! + (d.index ?? 0),
            length: d.length ?? m[0].length,
            message: d.message,
            ...(d.replacement !== undefined ? { replacement: d.replacement } : {}),
          });
      }
      return out;
    },
  };
}

const toHalf = (s: string) => s.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Full-width digits and letters: `１０００元` → `1000元`. */
export const fullwidthAlnum = regexRule('copy/fullwidth-alnum', /[０-９Ａ-Ｚａ-ｚ]+/g, (m) => ({
  replacement: toHalf(m[0]),
  message: `全角数字或字母「${m[0]}」应为半角「${toHalf(m[0])}」。`,
}));

const CJK = '\\p{Script=Han}，。、；：？！“”‘’（）《》【】';
/** Spaces inside Chinese text: `共 35 名` → `共35名`. */
export const straySpace = regexRule(
  'copy/space',
  // The look-behinds come after the first space, so the engine can skip to spaces (5× faster than a leading
  // look-behind).
  new RegExp(
    `[ \\u3000](?:(?<=[${CJK}][ \\u3000])[ \\u3000]*(?=[${CJK}0-9A-Za-z])` +
      `|(?<=[0-9A-Za-z][ \\u3000])[ \\u3000]*(?=[${CJK}]))`,
    'gu',
  ),
  (m) => ({
    replacement: '',
    message: `中文里多了${m[0].length > 1 ? ` ${m[0].length} 个` : ''}空格：汉字之间、汉字与数字之间、全角标点前后都不加空格。`,
  }),
);

/** Repeated marks: `显著！！` → `显著！`. */
export const repeatedMarks = regexRule('copy/repeated-marks', /([！？。，、；：])\1+/g, (m) => ({
  replacement: m[1]!,
  message: `标点「${m[1]}」重复了 ${m[0].length} 次，只保留一个。`,
}));

/** Value ranges take ～ (GB/T 15835), year ranges take —: `60-120元` → `60～120元`. */
export const valueRange = regexRule(
  'copy/value-range',
  /(?<![\d.\-－—～])(\d+(?:\.\d+)?)\s*[-－~〜](\s*)(\d+(?:\.\d+)?)(?![\d.\-－])(?=\s*[\p{Script=Han}%％])/gu,
  (m) => {
    const years = /^(1[89]|20)\d\d$/.test(m[1]!) && /^(1[89]|20)\d\d$/.test(m[3]!);
    const sep = years ? '—' : '～';
    const fixed = `${m[1]}${sep}${m[3]}`;
    return {
      replacement: fixed,
      message: `数值范围「${m[0]}」应写作「${fixed}」（${years ? '年份范围用一字线「—」' : '数值范围用浪纹线「～」'}）。`,
    };
  },
);

/** Ellipsis is ……: not `...`, `。。。` or a lone …; no 等 after it. */
export const ellipsis = regexRule('copy/ellipsis', /\.{3,}|。{3,}|(?<!…)…(?!…)|……等/g, (m) =>
  m[0] === '……等'
    ? { index: 2, length: 1, replacement: '', message: '省略号「……」后不再加「等」。' }
    : { replacement: '……', message: `省略号「${m[0]}」应为「……」（两个「…」）。` },
);

/**
 * The dash is ——: not `--` or a single —, between Han characters (each look-behind follows the dash's first character:
 * faster).
 */
export const dash = regexRule(
  'copy/dash',
  /(?:-(?<=\p{Script=Han}-)-+|－(?<=\p{Script=Han}－)－|—(?<=\p{Script=Han}—)(?!—))(?=\p{Script=Han})/gu,
  (m) => ({
    replacement: '——',
    message: `破折号「${m[0]}」应为「——」（两个一字线）。`,
  }),
);

/** Adjacent quoted or titled items take no 顿号: `《条例》、《规定》` → `《条例》《规定》`. */
export const dunhaoBetweenQuotes = regexRule('copy/dunhao-between-quotes', /、(?<=[”》]、)(?=[“《])/g, () => ({
  replacement: '',
  message: '引号或书名号之间不用顿号：如「《条例》《规定》」。',
}));

/** Dates in full without zero padding: `09年6月05日` → `2009年6月5日`. */
export const dateFormat = regexRule(
  'copy/date-format',
  /(?<!\d)(\d{2}|\d{4})年(0?\d{1,2})月(?:(0?\d{1,2})日)?/g,
  (m) => {
    const [, y, mo, d] = m;
    const year = y!.length === 2 ? undefined : y!;
    const padded = /^0/.test(mo!) || (d !== undefined && /^0/.test(d));
    if (year && !padded) return undefined;
    const fixed = `${year ?? `20${y}`}年${Number(mo)}月${d !== undefined ? `${Number(d)}日` : ''}`;
    return year
      ? { replacement: fixed, message: `日期「${m[0]}」的月、日前不补 0，应为「${fixed}」。` }
      : { message: `日期「${m[0]}」的年份应写全四位，如「${fixed}」。` };
  },
);

/** List numbers: `1、` → `1.`, `（一）、` → `（一）`. */
export const listNumber = regexRule(
  'copy/list-number',
  /(\d(?<=(?:^|[。；\n\s])\d)\d?)、|（([一二三四五六七八九十]{1,3})）、/gu,
  (m) =>
    m[1] !== undefined
      ? { replacement: `${m[1]}.`, message: `阿拉伯数字序号「${m[0]}」应为「${m[1]}.」。` }
      : { replacement: `（${m[2]}）`, message: `序号「${m[0]}」后不再加顿号，应为「（${m[2]}）」。` },
);
