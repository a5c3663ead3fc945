/**
 * Text features for the statistical model, as 32-bit hashes (no strings are built per n-gram):
 * character bigrams and trigrams of the canonical text, jieba words, and lexicon hits.
 *
 * Canonical text: placeholders that stand for a number, an order, a link or an address — our own masks
 * ([手机号], [地址]…) and the de-identification tags of public chat sets ([数字x], [订单x]…) — become one
 * private-use character each, and digit runs become one `0`, so "等了3天" and "等了[数字x]天" read alike.
 */

const NUMBER = '\ue000';
const LINK = '\ue001';
const PLACE = '\ue002';
const PERSON = '\ue003';

const KINDS: [RegExp, string][] = [
  [/^(链接|url|link|图片|表情|视频)/, LINK],
  [/^(地址|站点|位置)/, PLACE],
  [/^(姓名|名字|手机号|电话|邮箱|身份证号|银行卡号|用户|客户)/, PERSON],
  [/^(数字|订单|金额|日期|时间|电话|号码|数量|价格|编号|单号|商品)/, NUMBER],
];

const MAY_CHANGE = /[\[\d]|http|www\./i;

export function canonical(text: string): string {
  // Most lines hold no placeholder, link or digit: nothing to replace.
  if (!MAY_CHANGE.test(text)) return text;
  // One scan (a replace with a function per placeholder cost several times more, and real chat lines hold several
  // placeholders each). It makes what the patterns did in turn — placeholders, then links, then digit runs — in one
  // pass: a placeholder never holds white space, so a link runs over the same characters before and after them.
  let out = '';
  let from = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b) {
      const close = placeholderEnd(text, i);
      if (close < 0) continue;
      const ch = placeholderCharOf(text, i, close);
      // A placeholder of no kind stays, its digits made 0 like any others.
      if (ch === null) continue;
      out += text.slice(from, i) + ch;
      from = close + 1;
      i = close;
    } else if ((c === 0x68 || c === 0x77) && linkAt(text, i)) {
      // https?:\/\/\S+|www\.\S+ → LINK
      let j = i + 4;
      while (j < n && !isSpace(text.charCodeAt(j))) j++;
      out += text.slice(from, i) + LINK;
      from = j;
      i = j - 1;
    } else if (isDigit(c)) {
      // \d+(?:[.,]\d+)* → 0
      let j = i + 1;
      for (;;) {
        while (j < n && isDigit(text.charCodeAt(j))) j++;
        const sep = j < n ? text.charCodeAt(j) : 0;
        if ((sep === 0x2e || sep === 0x2c) && j + 1 < n && isDigit(text.charCodeAt(j + 1))) j += 2;
        else break;
      }
      out += text.slice(from, i) + '0';
      from = j;
      i = j - 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Whether a character is one that \s matches. */
const isSpace = (c: number) =>
  c < 0x80
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** Whether a character may be in a placeholder's name (placeholder.ts's NAME_CHAR: not a bracket or white space). */
const isNameChar = (c: number) => c !== 0x5d && c !== 0x5b && !isSpace(c);

/**
 * Where the placeholder opening at text[open] ('[') closes, as placeholder.ts's PLACEHOLDER_NAMES matches it (a name of 1 to 10
 * characters, then an optional x); -1 when none does.
 */
function placeholderEnd(text: string, open: number): number {
  const limit = Math.min(text.length, open + 13);
  for (let j = open + 1; j < limit; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5d) return j - open - 1 >= 1 && (j - open - 1 <= 10 || (j - open - 1 === 11 && text.charCodeAt(j - 1) === 0x78)) ? j : -1;
    if (!isNameChar(c)) return -1;
  }
  return -1;
}

/** The character the placeholder text[open…close] stands as: kindOf its name without the public sets' trailing x (null: of no kind). */
function placeholderCharOf(text: string, open: number, close: number): string | null {
  const whole = text.slice(open, close + 1);
  let ch = PLACEHOLDER_CHARS.get(whole);
  if (ch === undefined) {
    const x = close - open - 1 >= 2 && text.charCodeAt(close - 1) === 0x78;
    ch = kindOf(text.slice(open + 1, x ? close - 1 : close));
    if (PLACEHOLDER_CHARS.size < 10_000) PLACEHOLDER_CHARS.set(whole, ch);
  }
  return ch;
}

/** Whether a link (http://, https:// or www. and at least one more character that is not white space) starts at text[i]. */
function linkAt(text: string, i: number): boolean {
  const rest = text.startsWith('http://', i) ? i + 7 : text.startsWith('https://', i) ? i + 8 : text.startsWith('www.', i) ? i + 4 : -1;
  return rest > 0 && rest < text.length && !isSpace(text.charCodeAt(rest));
}

/** The character a placeholder stands as, by its name; null when it is of no kind (it stays as it is). */
export function kindOf(name: string): string | null {
  return KINDS.find(([re]) => re.test(name))?.[1] ?? null;
}

/** kindOf by the whole placeholder (the same few recur: [数字x], [订单x]), bounded. */
const PLACEHOLDER_CHARS = new Map<string, string | null>();

/** FNV-1a over UTF-16 code units, seeded by feature kind. */
function fnv(seed: number, s: string, from = 0, to = s.length): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const SEED = { bigram: 2, trigram: 3, word: 11, lexicon: 23, shape: 31 } as const;

/** Hash of a named feature (lexicon hits, shape flags). */
export function namedFeature(kind: number, name: string): number {
  return fnv(kind, name);
}

const isSkippable = (c: number) =>
  c === 0x20 || // space
  (c >= 0x21 && c <= 0x2f) ||
  (c >= 0x3a && c <= 0x40) ||
  (c >= 0x5b && c <= 0x60) ||
  (c >= 0x7b && c <= 0x7e) ||
  (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
  (c >= 0xff00 && c <= 0xff0f);

/**
 * Character n-gram and word hashes of a canonical line, written into out[0…n) (not deduplicated: the Bayes model
 * counts presence); returns n. N-grams that span punctuation or spaces are skipped. With `at`, where each feature
 * comes from is written into at[0…n) (see featureStart). Elements past n are left as they were: the classifier
 * reuses its buffers (emptying an array by its length lets V8 drop its storage, and it grew again line by line).
 */
export function textFeatures(canonicalText: string, tokens: readonly string[], out: number[], at?: number[]): number {
  const s = canonicalText;
  const n = s.length;
  let m = 0;
  for (let i = 0; i + 1 < n; i++) {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(i + 1);
    if (isSkippable(a) || isSkippable(b)) continue;
    if (at) at[m] = i * 4 + 2;
    out[m++] = fnv(SEED.bigram, s, i, i + 2);
    if (i + 2 < n && !isSkippable(s.charCodeAt(i + 2))) {
      if (at) at[m] = i * 4 + 3;
      out[m++] = fnv(SEED.trigram, s, i, i + 3);
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.length === 0) continue;
    if (at) at[m] = k * 4 + 1;
    out[m++] = fnv(SEED.word, t.charCodeAt(0) === 0x5b ? canonical(t) : t);
  }
  return m;
}

/**
 * Where each feature of `textFeatures` comes from, as it writes them into `at`: an n-gram of `length` 2 or 3
 * characters from `start`, or the word `tokens[start]` (length 1).
 */
export const featureStart = (at: number) => at >> 2;
export const featureLength = (at: number) => at & 3;

export function canonicalTokens(tokens: readonly string[]): string[] {
  return tokens.map((t) => canonical(t));
}

/** Greetings and thanks that add nothing to a line: around details (你好 [订单x]) or alone (好的 谢谢). */
export const GREETINGS = ['你好', '您好', '在吗', '在么', '在不在', '谢谢', '亲'];

/** A line that only hands over details: order numbers, links, ids, amounts, the platform's order card. */
const DETAIL_LITERALS = [
  ...['咨询订单号', '订单号', '订单编号', '商品id', '商品编号', '订单金额', '下单时间', '单号', '编号', '订单', 'order', 'id', 'sku'],
  ...['发票抬头', '税号', '金额', '电话', '地址', '手机', '号码', '是', '麻烦', ...GREETINGS],
  ...[':', '：', ',', '，', ';', '；', '[', ']', '【', '】'],
];
const DETAIL_WORDS = new RegExp([...DETAIL_LITERALS.map((w) => w.replace(/[[\]]/g, '\\$&')), '\\s'].join('|'), 'g');
/** The characters isDetailsOnly's replacements can remove: those of the detail words, placeholders, 0, a–z _ - . # / and white space. */
const DETAIL_CHARS = new Set([...DETAIL_LITERALS.join(''), ...'0abcdefghijklmnopqrstuvwxyz_-.#/'].map((c) => c.charCodeAt(0)));
const removable = (c: number) => DETAIL_CHARS.has(c) || (c >= 0xe000 && c <= 0xe003) || isSpace(c);

export function isDetailsOnly(canonicalText: string): boolean {
  // A line with no placeholder and no number hands over nothing: the cheap test first.
  if (!HAS_DETAIL.test(canonicalText)) return false;
  // Two characters no replacement below removes (most lines with a number say something: 等了0天) decide it too.
  let kept = 0;
  for (let i = 0; i < canonicalText.length; i++) if (!removable(canonicalText.charCodeAt(i)) && ++kept > 1) return false;
  const rest = canonicalText.replace(/[\ue000-\ue003]/g, '').replace(DETAIL_WORDS, '').replace(/[0a-z_\-.#/]+/g, '');
  return rest.length <= 1;
}
const HAS_DETAIL = /[\ue000-\ue003]|0/;
