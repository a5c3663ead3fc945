import type { PiiKind } from '../../schemas/analyzed-message.ts';

/**
 * Personal-data masking for raw chat text, run before anything is stored.
 *
 * Masks mainland (and Taiwan) mobiles, landlines, ID cards (checksum-validated), e-mails, bank cards (Luhn + a card word
 * nearby) and recognisable street addresses; keeps order / tracking numbers in the text and returns them.
 *
 * How it works: the text is first "narrowed" into a same-length copy (full-width ０-９ Ａ-Ｚ ＠ ＋ － （ ）… →
 * ASCII, odd dashes and spaces → '-' / ' '), so every index found in the copy is valid in the original and the
 * unmasked parts of the original are returned byte for byte. Detectors then claim non-overlapping spans in a
 * fixed priority order (e-mail, 400/800 numbers, keyword-anchored order ids, ID cards, bank cards, mobiles,
 * landlines, courier ids, bare long digit runs, addresses); a later detector never takes characters an
 * earlier one claimed. All patterns are bounded (no nested unbounded quantifiers), so matching is linear.
 */

export interface MaskResult {
  text: string;
  pii: PiiKind[];
  orderIds: string[];
}

export const PII_REPLACEMENTS: Readonly<Record<PiiKind, string>> = {
  mobile: '[手机号]',
  landline: '[电话]',
  id_card: '[身份证号]',
  email: '[邮箱]',
  address: '[地址]',
  bank_card: '[银行卡号]',
};

type SpanKind = PiiKind | 'order' | 'keep';
interface Span {
  start: number;
  end: number;
  kind: SpanKind;
  /** Normalized order id (order spans only). */
  value?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Fast path and narrowing

/** Anything that could start a detection: a digit (ASCII or full-width), '@', or an administrative marker. */
const MAYBE = /[0-9\uff10-\uff19@\uff20省市区區县縣镇鎮乡鄉]|街道/;
const WIDE = /[\uff01-\uff5e\u3000\u00a0\u2010-\u2015\u2212\u200b-\u200d\u2060\ufeff]/;
const WIDE_ALL = /[\uff01-\uff5e\u3000\u00a0\u2010-\u2015\u2212\u200b-\u200d\u2060\ufeff]/g;

function narrowChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return '-';
  return ' '; // ideographic / no-break space, zero-width characters
}

/** Same-length ASCII-ized copy used for detection only. */
function narrow(text: string): string {
  return WIDE.test(text) ? text.replace(WIDE_ALL, narrowChar) : text;
}

// ---------------------------------------------------------------------------------------------------------
// Patterns (run over the narrowed text)

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,4}\.[A-Za-z]{2,12}/g;
/** 400/800 service numbers: public, never personal. Claimed first so nothing else takes them. */
const SERVICE = /(?<![0-9])[48]00[ -]?[0-9]{3}[ -]?[0-9]{4}(?![0-9])/g;
const ORDER_KEYWORD =
  /(?:订单编号|订单号码|订单号|订单|运单号|运单|快递单号|快递单|物流单号|单号|编号|訂單編號|訂單號碼|訂單號|訂單|運單號|運單|快遞單號|快遞單|物流單號|單號|編號|(?<![A-Za-z])order\s{0,2}(?:id|no\.?|number|#)?|(?<![A-Za-z])tracking\s{0,2}(?:no\.?|number)?)[\s:#是为為]{0,4}([A-Za-z]{0,4}[0-9]{8,24}(?:[A-Za-z]{2})?)(?![0-9A-Za-z])/gi;
/** Further ids listed after a keyword-anchored one: "订单号 12345678、23456789". */
const ORDER_MORE = /[\s、,/和跟及与與]{1,3}([A-Za-z]{0,4}[0-9]{8,24}(?:[A-Za-z]{2})?)(?![0-9A-Za-z])/y;
const ID18 = /(?<![0-9])([1-9][0-9]{5})[ -]?((?:19|20)[0-9]{2}[01][0-9][0-3][0-9])[ -]?([0-9]{3}[0-9Xx])(?![0-9])/g;
const ID15 = /(?<![0-9])([1-9][0-9]{5})([0-9]{2}[01][0-9][0-3][0-9])([0-9]{3})(?![0-9])/g;
const CARD_RUN = /(?<![0-9])[0-9]{16,19}(?![0-9])/g;
const CARD_GROUPED = /(?<![0-9])(?:[0-9]{4}(?:[ -][0-9]{4}){3}(?:[ -]?[0-9]{1,3})?|[0-9]{6}[ -][0-9]{10,13})(?![0-9])/g;
/** A bank-card word shortly before the number: 卡号, 银行卡, 储蓄卡, 信用卡, …卡, 账号, 帳戶. */
const CARD_CONTEXT = /卡|[账帐賬帳][号號户戶]/;
const MOBILE =
  /(?<![0-9]|[0-9][-.])(?:(?:\+|00)?86[ -]?|\(\+?86\)[ -]?)?1[3-9][0-9][ .-]?[0-9]{4}[ .-]?[0-9]{4}(?![0-9]|[-.][0-9])/g;
/** Taiwan mobiles (traditional-script buyers): 09xx-xxx-xxx, optional +886 9xx… form. */
const MOBILE_TW = /(?<![0-9]|[0-9][-.])(?:09|(?:\+|00)886[ -]?9)[0-9]{2}[ -]?[0-9]{3}[ -]?[0-9]{3}(?![0-9]|[-.][0-9])/g;
const LANDLINE =
  /(?<![0-9]|[0-9][-.])(?:\(0[1-9][0-9]{1,2}\)|0[1-9][0-9]{1,2}|(?:\+|00)86[ -]?(?:\(0\))?[1-9][0-9]{1,2})[ -]?[2-9][0-9]{2,3}[ -]?[0-9]{4}(?:(?:转|轉|分机|分機|ext\.?|#|-)[0-9]{1,5})?(?![0-9])/gi;
/** Courier / platform ids with a letter prefix: SF1234567890123, JD12345678, YT…, EA123456789CN. */
const LETTERED_ID = /(?<![0-9A-Za-z])(?!qq|wx|vx|tel)[A-Za-z]{1,4}[0-9]{8,24}(?:[A-Za-z]{2})?(?![0-9A-Za-z])/gi;
/** Any other standalone run of 12–24 digits is taken as an order / tracking number. */
const LONG_RUN = /(?<![0-9A-Za-z])[0-9]{12,24}(?![0-9A-Za-z])/g;
const ID_CONTEXT = /身份[证證]/;

// ---------------------------------------------------------------------------------------------------------
// Validators

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** First two digits of mainland / HK / Macau / Taiwan resident ID region codes. */
const ID_REGIONS = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62,
  63, 64, 65, 71, 81, 82, 83,
]);
const THIS_YEAR = new Date().getUTCFullYear();

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

function validBirth(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  return y >= 1900 && y <= THIS_YEAR && validDate(y, Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8)));
}

/** ISO 7064 MOD 11-2 check character of an 18-digit resident ID. */
export function idChecksumOk(id: string): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

export function luhnOk(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let v = digits.charCodeAt(i) - 48;
    if (double) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
    double = !double;
  }
  return sum % 10 === 0;
}

/** ISBN-13 (978/979 + EAN check digit): a book, not an order. */
function isIsbn(digits: string): boolean {
  if (digits.length !== 13 || !(digits.startsWith('978') || digits.startsWith('979'))) return false;
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += (digits.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 3);
  return sum % 10 === 0;
}

const stripSeparators = (s: string) => s.replace(/[^0-9A-Za-z]/g, '');

// ---------------------------------------------------------------------------------------------------------
// Span bookkeeping

function overlaps(spans: Span[], start: number, end: number): boolean {
  for (const s of spans) if (start < s.end && s.start < end) return true;
  return false;
}

function claim(spans: Span[], start: number, end: number, kind: SpanKind, value?: string): boolean {
  if (overlaps(spans, start, end)) return false;
  spans.push(value === undefined ? { start, end, kind } : { start, end, kind, value });
  return true;
}

/** Runs a global regex over `n` and offers every match to `accept`. */
function each(re: RegExp, n: string, accept: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(n); m !== null; m = re.exec(n)) accept(m);
}

// ---------------------------------------------------------------------------------------------------------
// Digit-based detectors

/** A mobile- or ID-card-shaped id: not taken as a further order id in a list. */
function looksPersonal(id: string): boolean {
  if (/^1[3-9][0-9]{9}$/.test(id)) return true;
  return /^[0-9]{17}[0-9Xx]$/.test(id) && validBirth(id.slice(6, 14)) && idChecksumOk(id);
}

function detectOrdersByKeyword(n: string, spans: Span[]): void {
  each(ORDER_KEYWORD, n, (m) => {
    const id = m[1]!;
    let end = m.index + m[0].length;
    if (!claim(spans, end - id.length, end, 'order', id.toUpperCase())) return;
    for (;;) {
      ORDER_MORE.lastIndex = end;
      const more = ORDER_MORE.exec(n);
      if (more === null) break;
      const next = more[1]!;
      if (looksPersonal(next)) break; // "订单号 123456789012 13800138000": the second one is a phone
      const nextEnd = end + more[0].length;
      if (!claim(spans, nextEnd - next.length, nextEnd, 'order', next.toUpperCase())) break;
      end = nextEnd;
    }
    ORDER_KEYWORD.lastIndex = end;
  });
}

function detectIdCards(n: string, spans: Span[]): void {
  each(ID18, n, (m) => {
    const digits = m[1]! + m[2]! + m[3]!;
    if (!validBirth(m[2]!)) return;
    const start = m.index;
    // A failed checksum means "not an ID" (most likely an order number) — unless the buyer says it is one.
    if (!idChecksumOk(digits) && !ID_CONTEXT.test(n.slice(Math.max(0, start - 8), start))) return;
    claim(spans, start, start + m[0].length, 'id_card');
  });
  each(ID15, n, (m) => {
    if (!ID_REGIONS.has(Number(m[1]!.slice(0, 2)))) return;
    if (!validBirth('19' + m[2]!)) return;
    claim(spans, m.index, m.index + m[0].length, 'id_card');
  });
}

function detectBankCards(n: string, spans: Span[]): void {
  const accept = (m: RegExpExecArray) => {
    const digits = stripSeparators(m[0]);
    if (digits.length < 16 || digits.length > 19 || !luhnOk(digits)) return;
    if (!CARD_CONTEXT.test(n.slice(Math.max(0, m.index - 8), m.index))) return;
    claim(spans, m.index, m.index + m[0].length, 'bank_card');
  };
  each(CARD_RUN, n, accept);
  each(CARD_GROUPED, n, accept);
}

function detectDigits(n: string, spans: Span[]): void {
  each(SERVICE, n, (m) => void claim(spans, m.index, m.index + m[0].length, 'keep'));
  detectOrdersByKeyword(n, spans);
  detectIdCards(n, spans);
  detectBankCards(n, spans);
  each(MOBILE, n, (m) => void claim(spans, m.index, m.index + m[0].length, 'mobile'));
  each(MOBILE_TW, n, (m) => void claim(spans, m.index, m.index + m[0].length, 'mobile'));
  each(LANDLINE, n, (m) => void claim(spans, m.index, m.index + m[0].length, 'landline'));
  each(LETTERED_ID, n, (m) => void claim(spans, m.index, m.index + m[0].length, 'order', m[0].toUpperCase()));
  each(LONG_RUN, n, (m) => {
    if (isIsbn(m[0])) return;
    claim(spans, m.index, m.index + m[0].length, 'order', m[0]);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Addresses
//
// An address is anchored on an administrative marker (省 市 区 县 镇 乡 / 街道, traditional too) preceded by at
// least two characters of place name, and runs forward through place-name characters and road / number /
// building markers. It ends at punctuation, a claimed span, a function word (我 的 吗 怎 到 …), or when no
// marker has been seen for a while; the span is then cut back to just after its last marker, so
// "…1201室怎么还没送到" keeps "怎么还没送到". It is only masked when it is clearly an address: a road/building
// marker (not just 号, which is also a date) plus a number (90号, 5楼, 一段) or at least four levels
// (省 市 区 路). Bare cities in ordinary speech (上海这边下雨了, 发北京要几天) have no marker and are left alone.

const ADMIN = new Set('省市区區县縣镇鎮乡鄉');
const ADMIN_ANCHOR = /[省市区區县縣镇鎮乡鄉]|街道/g;
const HAS_ADMIN = /[省市区區县縣镇鎮乡鄉]|街道/;
const STRONG_DETAIL = new Set('路街道巷弄栋棟幢室楼樓村组組厦廈座层層苑园園段院');
/** Before 号 these make a word (单号 编号 账号 型号 手机号 证号 卡号 尾号 …), not a house number. */
const NOT_HOUSE_NUMBER = new Set('单單编編账帳賬型机機码碼证證卡信尾字符序挂掛记記口');
const CN_NUMERALS = new Set('一二三四五六七八九十百〇零两兩');
/** Function words that never sit inside an address: an address span stops before them. */
const STOP = new Set(
  '我你您他她它们們咱的了吗嗎呢吧啊呀哦噢嘛呗唄啦咯哇喔么麼怎什啥谁誰是在到往去寄送填改写寫收给給把被让讓请請帮幫要想能就也还還没沒不很又再才已这這那哪个個些跟或但而且因着著址谢謝问問查时時候等得说說',
);
/** Extra words that end a place name when walking backwards from the first marker (发到…, 从…, 一下…). */
const HEAD_STOP = new Set('发發从從至为為由于於看下一');
/** 成 ends a place name only in 改成 / 换成 / 写成 … (成都 is a city). */
const BEFORE_CHENG = new Set('改变變换換写寫填弄搞');
/** 省 only follows a province name (省事, 省钱 are not addresses). */
const PROVINCES = [
  '黑龙江', '黑龍江', '河北', '山西', '辽宁', '遼寧', '吉林', '江苏', '江蘇', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '廣東', '海南', '四川', '贵州', '貴州', '云南', '雲南', '陕西', '陝西', '甘肃', '甘肅',
  '青海', '台湾', '台灣', '臺灣',
];
/** Common words ending in an administrative character that are not place names. */
const NOT_PLACE = new Set([
  '超市', '城市', '股市', '夜市', '菜市', '上市', '集市', '黑市', '地区', '地區', '景区', '景區', '专区', '專區',
  '分区', '分區', '误区', '誤區', '校区', '校區', '厂区', '廠區', '郊区', '郊區', '禁区', '盲区', '家乡', '家鄉',
  '老乡', '老鄉', '故乡', '故鄉', '下乡', '同乡', '他乡', '异乡', '城镇', '城鎮',
]);
const MAX_HEAD = 8;
const MAX_GAP = 12;
const MAX_ADDRESS = 80;

const isCjk = (code: number) => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
const isAsciiAlnum = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isDigit = (code: number) => code >= 48 && code <= 57;

/** 0 = not a detail marker, 1 = number marker only (号), 2 = road / building marker. */
function detailAt(n: string, k: number): 0 | 1 | 2 {
  const c = n[k]!;
  if (c === '号' || c === '號') {
    const next = n[k + 1];
    if (next === '线' || next === '線' || next === '码' || next === '碼') return 0; // 3号线, 号码
    return NOT_HOUSE_NUMBER.has(n[k - 1]!) ? 0 : 1; // 单号, 编号, 手机号, 型号 …
  }
  if (c === '元') return n[k - 1] === '单' || n[k - 1] === '單' ? 2 : 0; // 单元
  if (c === '区' || c === '區') return n[k - 1] === '小' ? 2 : 0; // 小区
  if (c === '道') {
    const prev = n[k - 1];
    return prev === '知' || prev === '味' || prev === '难' || prev === '難' ? 0 : 2;
  }
  return STRONG_DETAIL.has(c) ? 2 : 0;
}

/** Characters that may sit inside an address (place names, numbers, 3-1201, 5#楼, and a space next to a number). */
function isAddressChar(n: string, k: number): boolean {
  const code = n.charCodeAt(k);
  if (isCjk(code)) return !STOP.has(n[k]!);
  if (code === 32) return isAsciiAlnum(n.charCodeAt(k - 1)) || isAsciiAlnum(n.charCodeAt(k + 1)); // 文三路 90 号
  return isAsciiAlnum(code) || code === 45 || code === 35; // - #
}

function detectAddresses(n: string, spans: Span[]): void {
  let claimed: Uint8Array | null = null;
  if (spans.length > 0) {
    claimed = new Uint8Array(n.length);
    for (const s of spans) claimed.fill(1, s.start, s.end);
  }
  const free = (k: number) => claimed === null || claimed[k] === 0;

  ADMIN_ANCHOR.lastIndex = 0;
  for (let m = ADMIN_ANCHOR.exec(n); m !== null; m = ADMIN_ANCHOR.exec(n)) {
    const anchor = m.index;
    if ((n[anchor] === '区' || n[anchor] === '區') && n[anchor - 1] === '小') continue;
    if (NOT_PLACE.has(n.slice(anchor - 1, anchor + 1))) continue;
    // Walk back over the place name.
    let head = anchor;
    while (head > 0 && anchor - head < MAX_HEAD) {
      const c = n[head - 1]!;
      if (!isCjk(c.charCodeAt(0)) || STOP.has(c) || HEAD_STOP.has(c) || ADMIN.has(c) || !free(head - 1)) break;
      if (c === '成' && BEFORE_CHENG.has(n[head - 2] ?? '')) break;
      head--;
    }
    if (anchor - head < 2) continue;
    if (n[anchor] === '省') {
      const name = n.slice(head, anchor);
      const province = PROVINCES.find((p) => name.endsWith(p));
      if (province === undefined) continue;
      head = anchor - province.length;
    }

    // Walk forward through the rest of the address.
    let end = -1;
    let lastMarker = anchor;
    let markers = 1;
    let strong = false;
    let numbered = false;
    let firstDigit = -1;
    let k = anchor + m[0].length;
    if (m[0].length === 2) strong = true; // 街道
    const limit = Math.min(n.length, head + MAX_ADDRESS);
    for (; k < limit; k++) {
      if (!free(k) || !isAddressChar(n, k) || k - lastMarker > MAX_GAP) break;
      const c = n[k]!;
      const detail = detailAt(n, k);
      const isMarker = detail > 0 || (ADMIN.has(c) && !(n[k - 1] === '小'));
      if (!isMarker) {
        if (firstDigit < 0 && isDigit(n.charCodeAt(k))) firstDigit = k;
        continue;
      }
      if (k - lastMarker > 1) markers++;
      lastMarker = k;
      // After the road part, a further 区 / 市 names a block or phase (科技园南区, 四季阳光三区): keep going.
      if (detail === 0 && !strong) continue;
      // 一段, 三楼 count as numbers after a road marker (復興南路一段), not on their own (一层胶带).
      if (strong && CN_NUMERALS.has(n[k - 1]!)) numbered = true;
      if (detail === 2) strong = true;
      end = k + 1;
      // A room / unit number right after the last marker belongs to the address: 3栋1201, 5-302.
      let r = k + 1;
      while (r < limit && free(r) && (isAsciiAlnum(n.charCodeAt(r)) || n[r] === '-')) r++;
      if (r - (k + 1) >= 3 && !(r < n.length && isCjk(n.charCodeAt(r)) && !STOP.has(n[r]!))) {
        end = r;
        numbered = true;
        k = r - 1;
        lastMarker = k;
      }
    }
    if (firstDigit >= 0 && firstDigit < end) numbered = true;
    if (end < 0 || !strong || !(numbered || markers >= 4)) continue;
    spans.push({ start: head, end, kind: 'address' });
    claimed?.fill(1, head, end);
    ADMIN_ANCHOR.lastIndex = end;
  }
}

// ---------------------------------------------------------------------------------------------------------

/** Masks personal data in raw chat text; `pii` lists each kind found once, in order of first appearance. */
export function maskPersonalData(text: string): MaskResult {
  if (!MAYBE.test(text)) return { text, pii: [], orderIds: [] };
  const n = narrow(text);
  const spans: Span[] = [];
  if (n.includes('@')) each(EMAIL, n, (m) => void claim(spans, m.index, m.index + m[0].length, 'email'));
  if (/[0-9]/.test(n)) detectDigits(n, spans);
  if (HAS_ADMIN.test(n)) detectAddresses(n, spans);
  if (spans.length === 0) return { text, pii: [], orderIds: [] };

  spans.sort((a, b) => a.start - b.start);
  const pii: PiiKind[] = [];
  const orderIds: string[] = [];
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.kind === 'order') {
      if (s.value !== undefined && !orderIds.includes(s.value)) orderIds.push(s.value);
      continue;
    }
    if (s.kind === 'keep') continue;
    if (!pii.includes(s.kind)) pii.push(s.kind);
    out += text.slice(at, s.start) + PII_REPLACEMENTS[s.kind];
    at = s.end;
  }
  out += text.slice(at);
  return { text: out, pii, orderIds };
}
