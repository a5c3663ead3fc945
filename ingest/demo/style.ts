import * as OpenCC from 'opencc-js/cn2t';
import type { Rng } from './random.ts';

/**
 * How people type: buyers drop punctuation, add 啊/呢/哈, emoji, typos from pinyin input, "？？？" when angry,
 * and split one thought over several messages. Agents are more regular. Traditional-script conversations
 * go through OpenCC plus a few Taiwan / Hong Kong wording fixes.
 */
export interface Persona {
  /** 0 = hardly any punctuation, 1 = some, 2 = full */
  punct: 0 | 1 | 2;
  emoji: number;
  particle: number;
  typo: number;
  /** Chance to split a line into several messages at its spaces. */
  split: number;
  /** 0 calm … 1 hot-tempered */
  temper: number;
  asciiQ: boolean;
}

export type Mood = 'calm' | 'upset' | 'angry';

export function makePersona(rng: Rng): Persona {
  const punct = rng.pickPair<0 | 1 | 2>([[0, 5], [1, 4], [2, 2]]);
  return {
    punct,
    emoji: rng.pickPair([[0.02, 4], [0.12, 3], [0.3, 1]]),
    particle: rng.pickPair([[0.05, 3], [0.2, 3], [0.4, 1]]),
    typo: rng.pickPair([[0, 5], [0.06, 3], [0.15, 1]]),
    split: rng.pickPair([[0.05, 3], [0.25, 3], [0.5, 1]]),
    temper: rng.pickPair([[0.1, 3], [0.4, 3], [0.8, 1]]),
    asciiQ: rng.chance(0.45),
  };
}

/** Pinyin-input slips and lazy spellings real buyers make. [from, to] */
const TYPOS: readonly (readonly [string, string])[] = [
  ['在吗', '再吗'], ['应该', '因该'], ['安装', '按装'], ['收到', '受到'], ['已经', '以经'], ['什么', '啥'], ['什么', '神马'], ['怎么', '咋'],
  ['没有', '木有'], ['好的', '好滴'], ['这么', '这莫'], ['的', '滴'], ['吗', '嘛'], ['知道', '造'], ['谢谢', '谢了'], ['那', '哪'],
  ['账', '帐'], ['一下', '一哈'], ['退款', '退宽'], ['快递', '快第'], ['还没', '还么'], ['怎么', '怎莫'], ['是不是', '是不'],
];

const EMOJI: Record<Mood, readonly string[]> = {
  calm: ['😊', '👌', '🙏', '😂', '[微笑]', '~', '😄', '[可爱]', '🤔', '😁'],
  upset: ['😅', '😓', '🙄', '[捂脸]', '😭', '[流泪]', '…', '。。。', '😒'],
  angry: ['😡', '😤', '💢', '🙄', '[发怒]', '😠', '！！！', '？？？'],
};
const PARTICLES = ['啊', '呢', '哦', '呀', '啦', '哈'];
const ENDS_WITH_PARTICLE = /[吗呢吧啊哦呀啦哈嘛么了的？?！!。…~]$/;
const QUESTIONISH = /(吗|呢|怎么|什么|为什么|到底|哪|多久|几天|能不能|是不是|谁)/;
/** Lines that mainly hand over data: keep as typed. */
const DATA_LINE = /(\d{8,}|^\[|@|税号|统编)/;

export function styleCustomer(text: string, p: Persona, mood: Mood, rng: Rng): string {
  if (DATA_LINE.test(text)) return text;
  let s = text;
  if (p.typo > 0 && rng.chance(p.typo)) {
    const options = TYPOS.filter(([from]) => s.includes(from));
    if (options.length > 0) {
      const [from, to] = rng.pick(options);
      s = s.replace(from, to);
    }
  }
  if (mood !== 'angry' && s.length >= 4 && rng.chance(p.particle) && !ENDS_WITH_PARTICLE.test(s) && /[\u4e00-\u9fff]$/.test(s)) {
    s += rng.pick(PARTICLES);
  }
  // Punctuation habits.
  if (p.punct === 0) {
    s = s.replace(/[，。、；]/g, ' ').replace(/！/g, '');
    s = s.replace(/？/g, () => (rng.chance(0.5) ? '' : p.asciiQ ? '?' : '？'));
  } else if (p.punct === 1) {
    s = s.replace(/，/g, () => (rng.chance(0.5) ? ' ' : '，')).replace(/。$/, '');
    if (p.asciiQ) s = s.replace(/？/g, '?');
  } else {
    s = s.replace(/ (?=[\u4e00-\u9fff])/g, () => (rng.chance(0.6) ? '，' : ' '));
    if (!/[？?！!。…~]$/.test(s) && /[\u4e00-\u9fff]$/.test(s)) s += QUESTIONISH.test(s) && rng.chance(0.7) ? (p.asciiQ ? '?' : '？') : rng.chance(0.5) ? '。' : '';
  }
  if (mood === 'angry' && rng.chance(0.3 + p.temper * 0.6)) {
    const q = QUESTIONISH.test(s);
    s = s.replace(/[？?！!。]+$/, '') + (q ? rng.pick(['？？？', '??', '？？', '?？?']) : rng.pick(['！！', '!!!', '。。。', '！']));
  } else if (mood === 'upset' && rng.chance(0.15 + p.temper * 0.3) && QUESTIONISH.test(s)) {
    s = s.replace(/[？?。.！!]+$/, '') + (p.asciiQ ? '??' : '？？');
  }
  const emojiRate = p.emoji * (mood === 'calm' ? 1 : mood === 'upset' ? 1.3 : 1.6);
  if (rng.chance(emojiRate)) s += (rng.chance(0.5) ? ' ' : '') + rng.pick(EMOJI[mood]);
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Splits a buyer line at spaces into several messages (one thought typed as 2–3 sends). Numbers, addresses
 * and short lines stay whole.
 */
export function splitTyping(text: string, p: Persona, rng: Rng): string[] {
  if (text.length < 8 || DATA_LINE.test(text) || !rng.chance(p.split)) return [text];
  const pieces = text.split(' ').filter((x) => x.length > 0);
  if (pieces.length < 2 || pieces.some((x) => x.length < 2)) return [text];
  const out: string[] = [];
  let cur = pieces[0]!;
  for (let i = 1; i < pieces.length; i++) {
    if (out.length < 2 && rng.chance(0.7)) {
      out.push(cur);
      cur = pieces[i]!;
    } else {
      cur += ' ' + pieces[i]!;
    }
  }
  out.push(cur);
  return out;
}

export interface AgentStyle {
  warm: boolean;
  tilde: number;
  emoji: number;
}

export function makeAgentStyle(rng: Rng): AgentStyle {
  return { warm: rng.chance(0.65), tilde: rng.pickPair([[0.05, 2], [0.25, 2]]), emoji: rng.pickPair([[0, 2], [0.06, 2]]) };
}

export function styleAgent(text: string, a: AgentStyle, rng: Rng): string {
  let s = text;
  if (s.startsWith('【') || s.startsWith('[')) return s;
  if (a.warm && !/亲|您好|^好的|^收到/.test(s) && rng.chance(0.2)) s = rng.pick(['亲 ', '亲亲 ', '亲爱的 ']) + s;
  if (!a.warm) {
    s = s.replace(/^亲亲 ?/, '').replace(/ ?么么哒/g, '');
    if (s.length === 0) s = '您好';
    else if (!/^(您好|好的|收到|抱歉|非常|实在|真的|不客气|感谢|谢谢)/.test(s) && rng.chance(0.35)) s = `您好 ${s}`;
  }
  if (rng.chance(a.tilde) && /[哦呢啦的呀]$/.test(s)) s += '~';
  if (rng.chance(a.emoji)) s += rng.pick([' [微笑]', ' 😊', ' 🌹', ' [爱心]', ' [抱拳]']);
  return s;
}

// ---------- traditional script ----------

let cnToT: ((s: string) => string) | undefined;
let tToTw: ((s: string) => string) | undefined;
let tToHk: ((s: string) => string) | undefined;
const tradCache = new Map<string, string>();

const TW_COMMON: readonly (readonly [RegExp, string])[] = [
  [/幹皮/g, '乾皮'], [/臺/g, '台'], [/瞭解/g, '了解'], [/質量/g, '品質'], [/包郵/g, '免運'], [/差評/g, '負評'], [/小樣/g, '試用品'],
  [/手機號(?!碼)/g, '手機號碼'], [/發貨/g, '出貨'], [/快遞員/g, '送貨員'], [/快遞小哥/g, '送貨大哥'], [/換個快遞/g, '換一家物流'],
  [/快遞(時效|公司)/g, '物流$1'], [/快遞/g, '包裹'], [/信息/g, '訊息'],
  [/支付寶/g, '信用卡'], [/花唄/g, '信用卡'], [/網點/g, '營業所'], [/菜鳥驛站/g, '超商'],
];
const TW_CUSTOMER: readonly (readonly [RegExp, string])[] = [[/^親親?\s*/, ''], [/^親在嗎/, '在嗎'], [/\s*親(?=\s|$)/g, ''], [/哦/g, '喔']];
const TW_AGENT: readonly (readonly [RegExp, string])[] = [[/親親/g, '親愛的'], [/^親\s+/, ''], [/\s+親$/, ''], [/親愛的 親愛的/g, '親愛的'], [/哦/g, '喔'], [/ ?麼麼噠/g, '']];
const HK_ALL: readonly (readonly [RegExp, string])[] = [[/唔該曬/g, '唔該晒'], [/幹皮/g, '乾皮'], [/瞭解/g, '了解']];

export function toTraditional(text: string, variant: 'tw' | 'hk', role: 'customer' | 'agent' | 'system'): string {
  const key = `${variant}${role[0]}${text}`;
  const hit = tradCache.get(key);
  if (hit !== undefined) return hit;
  // One big simplified→traditional trie, then the small regional variant tables (same result as cn→twp / cn→hk,
  // half the start-up cost).
  const toT = (cnToT ??= OpenCC.Converter({ from: 'cn', to: 't' }));
  const toTw = (tToTw ??= OpenCC.Converter({ from: 't', to: 'twp' }));
  const toHk = (tToHk ??= OpenCC.Converter({ from: 't', to: 'hk' }));
  const t = toT(text);
  let s: string;
  if (variant === 'tw') {
    s = toTw(t);
    for (const [re, to] of TW_COMMON) s = s.replace(re, to);
    for (const [re, to] of role === 'agent' ? TW_AGENT : role === 'customer' ? TW_CUSTOMER : []) s = s.replace(re, to);
  } else {
    s = toHk(t);
    for (const [re, to] of HK_ALL) s = s.replace(re, to);
  }
  s = s.replace(/ {2,}/g, ' ').trim();
  if (s.length === 0) s = text;
  if (tradCache.size > 6_000) tradCache.clear();
  tradCache.set(key, s);
  return s;
}
