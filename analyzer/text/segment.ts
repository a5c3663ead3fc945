import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { PLACEHOLDER_TOKEN } from './placeholder.ts';

/**
 * Words jieba's default dictionary lacks or splits, from the shop-chat domain (frequency 3000 keeps them whole
 * without swallowing their neighbours). Lower-case; simplified script: segmentation runs on normalized text.
 */
export const DOMAIN_WORDS = [
  '错发', '漏发', '少发', '发错', '寄错', '补发', '重发', '催发货', '未发货', '没发货', '拆单', '断货', '缺货',
  '价保', '保价', '差价', '满减', '领券', '优惠券', '运费险', '包邮', '赠品', '小样', '货不对板', '色差', '卖家秀', '买家秀',
  '专票', '普票', '电子发票', '纸质发票', '增值税专用发票', '开票', '税号', '抬头', '到账', '退款', '扣款', '重复扣款', '尾款', '定金', '白条', '花呗',
  '质量差', '做工', '起球', '掉色', '开线', '异味', '甲醛', '过敏', '烂脸', '闷痘', '假货', '正品', '山寨', '高仿', '不耐用',
  '送货上门', '送上楼', '驿站', '菜鸟驿站', '丰巢', '快递柜', '代收点', '压坏', '摔坏', '压扁', '破损', '丢件', '签收', '代签', '快递员', '快递小哥', '配送员',
  '差评', '好评', '投诉', '不回', '不回复', '没人回', '人工客服', '态度差', '推来推去', '踢皮球', '审核不通过', '不给退', '不给换', '七天无理由',
  '还行', '还可以', '还好', '挺好', '不错',
];

let instance: Jieba | undefined;

function jieba(): Jieba {
  if (!instance) {
    instance = Jieba.withDict(dict);
    instance.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 3000`).join('\n') + '\n'));
  }
  return instance;
}

// Tokens made only of punctuation, symbols or spaces carry nothing for the classifier.
const NOISE = /^[\s\p{P}\p{S}]+$/u;


/** Words of a normalized line, without punctuation or whitespace tokens. Deterministic (no HMM). */
export function segment(normalizedText: string): string[] {
  if (normalizedText.length === 0) return [];
  const out: string[] = [];
  if (!normalizedText.includes('[')) {
    cut(normalizedText, out);
    return out;
  }
  normalizedText.split(PLACEHOLDER_TOKEN).forEach((part, i) => {
    if (i % 2 === 1) out.push(part);
    else if (part.length > 0) cut(part, out);
  });
  return out;
}

function cut(text: string, out: string[]): void {
  for (const t of jieba().cut(text, false)) if (!NOISE.test(t)) out.push(t);
}

/**
 * jieba's part of speech for one word of its dictionary (n, v, ns for a place, t for a time, c for a conjunction…):
 * '' for a shop-chat word of DOMAIN_WORDS, which has none. About 1 µs: callers on a hot path keep what it said.
 */
export function partOfSpeech(word: string): string {
  const tagged = jieba().tag(word, false);
  return tagged.length === 1 ? tagged[0]!.tag : '';
}

/** Builds the segmenter now instead of on the first line (call at start-up: ~250 ms). */
export function warmUpSegmenter(): void {
  jieba();
}

const STOP = new Set(
  '的 了 吗 呢 吧 啊 哦 呀 嘛 哈 啦 么 是 我 你 他 她 它 们 我们 你们 这 那 这个 那个 就 都 也 还 又 在 有 和 与 跟 给 把 被 让 到 说 要 会 能 可以 一下 一个 什么 怎么 为什么 怎么回事 现在 已经 还是 但是 然后 而且 亲 您 好 好的 谢谢 请问 一直 真的 太 很 非常 没 不 没有 不是'.split(
    ' ',
  ),
);

/** Up to `max` salient words of a line (stop words, single characters and numbers removed), in order. */
export function keyTerms(tokens: readonly string[], max = 6): string[] {
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.length < 2 || STOP.has(t) || /^[\d.]+$/.test(t) || t.startsWith('[')) continue;
    seen.add(t);
    if (seen.size >= max) break;
  }
  return [...seen];
}
