import type { Taxonomy } from '../../schemas/taxonomy.ts';
import { Matcher, type Match } from './matcher.ts';
import { hasClauseBreak, lastClauseBreak } from './breaks.ts';
import { PLACEHOLDER_SOURCE } from '../text/placeholder.ts';

/**
 * Lexicon evidence from the taxonomy: department and sub-topic terms, demands, complaint cues, bad evaluations,
 * negations, hedges and what no department owns, found in one pass. Terms are written in simplified script; the
 * text is normalized (simplified) first, so traditional spellings match too. A problem term right after a
 * negation (没有坏, 不是慢) does not count. A department's broad aspect term (效果, 发货, 客服) or a sub-topic's
 * demand (发票, 价保) after a negation is the opposite: the thing is missing or refused (没什么效果, 没发票,
 * 不给开专票), so it counts, and the negated phrase is a complaint cue.
 */
export type LexiconHit =
  | { kind: 'term'; department: string; subTopic: string | null; weight: number; aspect: boolean }
  | { kind: 'cue' }
  | { kind: 'evaluation' }
  | { kind: 'unowned' }
  | { kind: 'negation' }
  | { kind: 'hedge' }
  | { kind: 'supposed' }
  | { kind: 'escalation' }
  | { kind: 'word' };

export interface TermEvidence {
  department: string;
  subTopic: string | null;
  term: string;
  weight: number;
  start: number;
}

export interface LexiconEvidence {
  terms: TermEvidence[];
  /** Terms that were cancelled by a negation right before them. */
  negated: string[];
  cues: string[];
  /** A bad judgement of the goods or the shop in words no department owns (很差, 不值). */
  evaluations: string[];
  hedges: string[];
  /** Things no department owns (情节, 作者, 账号). */
  unowned: string[];
  /** The taxonomy's escalation words (投诉, 找平台): they name no owner (signals.ts reads the line without them). */
  escalations: string[];
  /** Where each cue, evaluation and hedge starts in the text, in the order of those lists: a clause reads its share. */
  starts: { cues: number[]; evaluations: number[]; hedges: number[] };
}

/** Sub-topic terms are specific (错发, 专票); department terms are broad (发货, 快递). */
const SUBTOPIC_WEIGHT = 2;
const DEPARTMENT_WEIGHT = 1;
/** Negations that say a thing is absent (没有效果), as against 不/不是/别, which refuse or clear it. */
const ABSENCE = new Set(['没', '没有', '并没有', '无']);
/**
 * Plain words. Some contain a negation character but negate nothing: 不过 (but), 无法 (cannot), 没想到, 区别 and
 * 特别 (别 is not "don't" there). Matched as plain words, they hold the character, so 和实物区别太大 or
 * 不过价格贵 keep their evidence. 无法/无语/不如/不同 say something is wrong; the terms after them still count.
 */
const PLAIN_WORDS = [
  '不过', '不管', '不仅', '不但', '不然', '要不然', '不久', '不如', '不同', '不少', '不断', '不停', '不得不', '不一定', '不知道', '不知',
  '不用说', '不一样', '没想到', '没事', '无语', '无法', '无论', '无聊', '无奈', '区别', '特别', '分别', '类别', '差别', '级别', '性别', '识别',
  '鉴别', '辨别', '别人', '别的', '别家', '别处', '告别', '个别',
  // A threat about what happens if nothing is done is not the after-sales team refusing (再不处理我就差评).
  '再不处理', '不处理的话', '再不给处理', '再不解决', '不解决的话',
  // 怕是坏了: "I'm afraid it is", a report, not a fear.
  '怕是',
  // 是不是坏了, 是不是发错了: a suspicion asks about the problem, it does not deny it; 不是说包邮吗 quotes a promise.
  '是不是', '不是说', '不是应该',
  // An A-not-A question asks; the cue 不能 or 不行 inside it says nothing is wrong (能不能改成我的电话, 看看行不行).
  // 到底能不能解决 keeps its cue 到底. Only forms that hold a cue are listed: in 会不会坏, 有没有坏的 the 不 or 没有
  // is a free negation, so the problem asked about is not said.
  '能不能', '能不能够', '行不行',
  // 又买了一双, 又回购了: buying again is praise; 又 stays a cue elsewhere (又发错了).
  '又买', '又入', '又来买', '又回购', '又囤', '又下单', '又拍了', '又推荐',
  // X推荐的码, 携程推荐的酒店: recommended by someone, not the buyer recommending it (值得推荐的 keeps the hedge 值得).
  '推荐的',
  // Rubbish itself, not a judgement of the goods: 垃圾袋 and 垃圾桶 are goods, 把垃圾带走 is an installer's courtesy.
  '垃圾袋', '垃圾桶', '垃圾篓', '垃圾分类', '把垃圾', '包装垃圾', '扔垃圾', '倒垃圾', '清理垃圾', '收拾垃圾', '垃圾带走', '垃圾都带走',
  // 不过敏/不过期: 不 negating the problem, not 不过 ("but"); 再也不用洗碗: no longer needed, not 再也不(买).
  '不过敏', '不过期', '再也不用',
  // 无线键盘, 无糖, 无添加: what the goods are made without, not something missing.
  '无线', '无糖', '无添加', '无痕', '无缝', '无香',
  // Words that hold a problem term or cue without meaning it: 轻松了 (松了), 水坑 (坑).
  '轻松', '轻松了', '放松', '放松了', '水坑', '坑位',
  // A card, not a parcel stuck somewhere (保修卡在哪).
  '保修卡在', '会员卡在', '银行卡在',
  // "Sorry" and "whether it is good": the cue 不好 is inside them, but neither judges anything (不好意思，是收到了两本).
  '不好意思', '好不好',
  // The buyer's own body, not the goods (颈椎不好，换了这个枕头后…): the cue 不好 is inside.
  '牙口不好', '颈椎不好', '关节不好', '肠胃不好', '胃不好', '腰不好', '身体不好', '视力不好', '眼睛不好', '睡眠不好', '记性不好',
  // Regret at not buying sooner, or buying too few, is praise (后悔没早买); 后悔买了 stays a cue.
  '后悔没早', '后悔没有早', '后悔没能早', '后悔买少', '后悔只买', '后悔没多买',
  // 很强硬, 很强烈, 很强势: not 很强 (praise, 吸力很强): 客服态度还很强硬 and 味道很强烈 judge badly.
  '很强硬', '很强烈', '很强势',
  // 零差评: no bad review at all; 坑坑洼洼 and 沙坑: uneven ground and a sandpit, not being cheated.
  '零差评', '坑坑洼洼', '坑洼', '沙坑',
  // Buying more again (又多买了两条) is praise, as 又买 is.
  '又多买', '又多拿', '又多订',
  // 还有一个问题, 问个问题: one more question, not a problem (还有一个问题没解决 keeps its cue 没解决).
  '还有一个问题', '还有个问题', '问个问题', '问一个问题',
  // Not used yet (还没用，用后追评), never used: not 没用 (useless).
  '还没用', '还没有用', '没用过', '没有用过',
  // Not found, noticed, happened or released yet: 还没发现什么问题 holds the slow-dispatch term 还没发.
  '还没发现', '还没发觉', '还没发生', '还没发布',
];
/**
 * Words that make what follows in their clause a fear or an expectation, not an event: 本来担心快递会压坏(，结果
 * 包得很好), 原以为会磨脚. 怕是 ("I'm afraid it is") reports a problem, so it is a plain word.
 */
const SUPPOSED = ['担心', '害怕', '生怕', '怕', '以为', '原以为', '本以为', '还以为', '顾虑'];

/**
 * 用了半个月 (，很好用), 穿了好几天: a length of time after a verb of use is how long the buyer has used the thing,
 * not how long they waited (等了半个月, 好几天了还没到).
 */
const SPAN = /^(?:好几|一个|半个|几|两|三|四|五|一)(?:天|周|星期|个星期|个月|月)/;
const USAGE_BEFORE = /(?:用|穿|吃|喝|戴|玩|试|涂|抹|擦|坚持|住)(?:了|过)?(?:大概|差不多|将近|快)?$/;

function usedFor(text: string, m: Match<LexiconHit>): boolean {
  return SPAN.test(m.pattern) && USAGE_BEFORE.test(text.slice(Math.max(0, m.start - 5), m.start));
}

/**
 * 发错了 不好意思, 我发错了: the buyer sent the wrong message, number or link, and says sorry for it; not goods sent
 * wrong (给我发错了, 发错了，我买的青提 stay complaints).
 */
function ownSlip(text: string, m: Match<LexiconHit>): boolean {
  if (!m.pattern.startsWith('发错')) return false;
  if (SORRY_AFTER.test(text.slice(m.end, m.end + 8))) return true;
  return text.charCodeAt(m.start - 1) === 0x6211 /* 我 */ && !FOR_ME.test(text.charAt(m.start - 2));
}
/** 给我发错了, 帮我发错了: someone sent it wrong to the buyer. */
const FOR_ME = /[给帮跟替]/;
const SORRY_AFTER = /^了?[\s，。,.!！~～…]*(?:不好意思|抱歉|sorry|对不起)/i;

/**
 * 40是不是没货了, 1.5米床是不是没货了, 灰色是不是缺货了: a size, colour or pack asked about on the listing before
 * ordering (TAXONOMY.md: 有货吗 is not counted). Only stock terms (STOCK), right after 是不是, with a variant named
 * before them in the clause and nothing said about an order: 对 是不是断货了 (said of an order in its chat) and
 * 我买的L是不是没货了 still count.
 */
function stockOfAVariantAsked(text: string, m: Match<LexiconHit>): boolean {
  if (!STOCK.test(m.pattern) || !text.endsWith('是不是', m.start)) return false;
  const before = text.slice(0, m.start - 3);
  const clause = before.slice(lastClauseBreak(before) + 1);
  return clause.length <= 10 && VARIANT.test(clause) && !ORDERED.test(text);
}
/** The taxonomy's words for goods out of stock (a configured taxonomy may list others; then they simply count). */
const STOCK = /^(?:没货|没有货|缺货|断货|无货|没现货|暂时无货)/;
/** What names a variant of a listing: a number, a size, a colour, a pack (38码, XL, 1.5米, 灰色, 20片装, 500ml). */
const VARIANT = /\d|[smlx]{1,3}\b|[smlx]码|码|号|色|装|款|寸|米|ml|g\b|斤|升|瓶|包/i;
/** An order already placed: then the stock is a problem with it. */
const ORDERED = /买|拍|下单|订单|单号|付款|付了|发货|等了/;

/**
 * 有没有赠品, 有没有物流信息, 验证码有没有收到, 有没发货: an A-not-A question holds a term written with 没 (没有赠品,
 * 没收到) and asks whether it is so; it does not say so. The 没有 inside stays a negation of what follows
 * (有没有坏的 still only asks).
 */
function askedEitherWay(text: string, m: Match<LexiconHit>): boolean {
  return m.pattern.charCodeAt(0) === 0x6ca1 /* 没 */ && eitherWay(text, m.start);
}

/** Whether the 没 at `start` is the second half of 有没(有): an A-not-A question. 所有没发货的订单 ("all the orders not shipped") says it. */
function eitherWay(text: string, start: number): boolean {
  return start > 0 && text.charCodeAt(start - 1) === 0x6709 /* 有 */ && text.charCodeAt(start - 2) !== 0x6240 /* 所 */;
}

/** 又糯又香, 轻盈又暖和: 又 joining two qualities says "both", not "again" (又坏了); the qualities speak for themselves. */
const BOTH_AFTER = /^又[^又，。,.!！?？\s]{1,4}又/;
const BOTH_BEFORE = /又[^又，。,.!！?？\s]{1,4}$/;

function coordinated(text: string, m: Match<LexiconHit>): boolean {
  if (m.pattern !== '又') return false;
  return BOTH_AFTER.test(text.slice(m.start, m.start + 7)) || BOTH_BEFORE.test(text.slice(Math.max(0, m.start - 5), m.start)) || bothGood(text, m.end);
}

/**
 * 再也不怕滑倒, 再也不会忽冷忽热, 再也不愁衣服晾不干: a worry or a trouble gone for good is praise. Only those named
 * here: 再也不买了 and 再也不会来 are complaints, and so are 再也不亮了, 再也不转了 (a function that stopped).
 */
const TROUBLE_GONE = /^(?:会|用)?再?(?:怕|愁|担心|害怕|发愁|烦|头疼|哭|闹|冻|发臭|臭|痒|疼|痛|酸|卡|堵|漏|掉|起|忽冷忽热|滑|晒黑|失眠|落枕|排队|熬夜|转圈)/;
function neverAgainOfAWorry(text: string, m: Match<LexiconHit>): boolean {
  return m.pattern.startsWith('再也不') && TROUBLE_GONE.test(text.slice(m.end, m.end + 6));
}

/** How many characters may stand between a negation and the term it cancels (不是质量问题, 没有坏). */
const NEGATION_REACH = 2;

/** Lexicons by taxonomy: one is built per taxonomy and shared (it is read-only once built). */
const BUILT = new WeakMap<Taxonomy, Lexicon>();

export class Lexicon {
  readonly #matcher: Matcher<LexiconHit>;

  /** The lexicon of `taxonomy`, built on first use (a few milliseconds) and shared by every reader of it. */
  static of(taxonomy: Taxonomy): Lexicon {
    let lexicon = BUILT.get(taxonomy);
    if (!lexicon) BUILT.set(taxonomy, (lexicon = new Lexicon(taxonomy)));
    return lexicon;
  }

  constructor(readonly taxonomy: Taxonomy) {
    const entries: [string, LexiconHit][] = [];
    for (const d of taxonomy.departments) {
      for (const term of d.terms) for (const v of variants(term)) entries.push([v, { kind: 'term', department: d.id, subTopic: null, weight: DEPARTMENT_WEIGHT, aspect: true }]);
      for (const s of d.subTopics) {
        for (const term of s.terms) for (const v of variants(term)) entries.push([v, { kind: 'term', department: d.id, subTopic: s.id, weight: SUBTOPIC_WEIGHT, aspect: false }]);
        for (const term of s.demands) for (const v of variants(term)) entries.push([v, { kind: 'term', department: d.id, subTopic: s.id, weight: SUBTOPIC_WEIGHT, aspect: true }]);
      }
    }
    for (const cue of taxonomy.cues.complaint) for (const v of variants(cue)) entries.push([v, { kind: 'cue' }]);
    for (const word of taxonomy.cues.evaluation) for (const v of variants(word)) entries.push([v, { kind: 'evaluation' }]);
    for (const neg of taxonomy.cues.negation) entries.push([neg, { kind: 'negation' }]);
    for (const hedge of taxonomy.cues.hedge) entries.push([hedge, { kind: 'hedge' }]);
    for (const word of taxonomy.cues.unowned) entries.push([word, { kind: 'unowned' }]);
    for (const word of taxonomy.cues.escalation) entries.push([word, { kind: 'escalation' }]);
    for (const word of PLAIN_WORDS) entries.push([word, { kind: 'word' }]);
    // 香到不行, 舒服到不行: "extremely good", not 不行.
    for (const good of [...GOOD, ...GOOD_PLAIN, '爽', '喜欢', '开心']) entries.push([`${good}到不行`, { kind: 'word' }]);
    for (const word of SUPPOSED) entries.push([word, { kind: 'supposed' }]);
    // Variants can repeat a term the taxonomy also lists: one entry each.
    const seen = new Set<string>();
    const unique = entries
      .map(([t, v]): [string, LexiconHit] => [t.normalize('NFKC').toLowerCase(), v])
      .filter(([t, v]) => {
        const key = `${t}\u0000${v.kind}\u0000${v.kind === 'term' ? `${v.department}/${v.subTopic}` : ''}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    this.#matcher = new Matcher(unique);
  }

  find(text: string): LexiconEvidence {
    // A placeholder ([图片], [快递单号], [订单x]) stands for something the buyer sent; the words in its name are no
    // evidence (a photo is not a complaint about the listing's photos).
    let matches = this.#matcher.findAll(text);
    if (matches.length > 0 && text.includes('[')) matches = outsidePlaceholders(text, matches);
    // Most lines match nothing (7 in 10 real buyer lines, half the agents'): one shared, frozen evidence for them
    // all. The classifier keeps the views of recent lines, so every object here is kept and copied by the GC.
    if (matches.length === 0) return NOTHING;
    // An escalation word (投诉, also a cue) is only noted: it takes no part in what the other entries mean.
    let escalations: string[] | undefined;
    if (matches.some(isEscalation)) {
      escalations = matches.filter(isEscalation).map(patternOf);
      matches = matches.filter(isNotEscalation);
    }
    // A negation inside a longer entry (还没发货, 不送上门, 不错) belongs to that entry; only free ones cancel.
    // Functions here are module-level, not closures: this runs for every line (and tsx names each closure made).
    const free: Match<LexiconHit>[] = [];
    const fears: Match<LexiconHit>[] = [];
    for (const n of matches) {
      if (n.value.kind === 'negation' && !inside(n, matches, isNotNegation)) free.push(n);
      else if (n.value.kind === 'supposed' && !inside(n, matches, isWord)) fears.push(n);
    }
    const evidence: LexiconEvidence = { terms: [], negated: [], cues: [], evaluations: [], hedges: [], unowned: [], escalations: escalations ?? [], starts: { cues: [], evaluations: [], hedges: [] } };
    for (const m of matches) {
      const v = m.value;
      if (v.kind === 'term') {
        // 再不处理(我就差评): a term inside a plain word is not said; 垃圾书: a judgement of what no department owns.
        if (inside(m, matches, isWordOrUnowned)) continue;
        // 发错网点: the longer term names the owner (the courier's depot), not the 发错 inside it (a wrong item).
        if (inside(m, matches, isTermOfAnotherDepartment)) continue;
        if (usedFor(text, m) || askedEitherWay(text, m) || ownSlip(text, m) || stockOfAVariantAsked(text, m)) continue;
        // 屏幕很清晰, 快递小哥态度很好, 发货也快: a praised aspect is no evidence of a problem with it.
        if (praised(text, m.end)) continue;
        // 烂的一个都没有, 掉发少了很多: a problem denied or gone, said after it; 本来担心会压坏: only feared.
        if (!v.aspect && (clearedAfter(text, m.end) || supposed(text, fears, m))) {
          evidence.negated.push(m.pattern);
          continue;
        }
        const n = negation(text, free, m);
        // An aspect is missing (没什么效果) or refused (不给开发票) unless the negation clears it of blame (不是质量问题).
        // 有没有派送员的电话: the 没有 of an A-not-A question asks whether the aspect is there; it is not said to be missing.
        const missing = n !== undefined && v.aspect && ((ABSENCE.has(n.pattern) && !eitherWay(text, n.start)) || refused(text, n, m)) && !problemFollows(text, m.end);
        if (n && !missing) evidence.negated.push(m.pattern);
        else {
          evidence.terms.push({ department: v.department, subTopic: v.subTopic, term: m.pattern, weight: v.weight, start: m.start });
          if (missing) noteAt(evidence, 'cues', text.slice(n.start, m.end), n.start);
          else if (v.aspect) {
            // 赠品都没, 发票都没有, 物流信息也没有: an aspect said absent after it is missing too.
            const absent = ABSENT_AFTER.exec(text.slice(m.end, m.end + 8));
            if (absent) noteAt(evidence, 'cues', text.slice(m.start, m.end + absent[1]!.length), m.start);
          }
        }
      } else if (v.kind === 'cue' || v.kind === 'evaluation') {
        // 没问题: the hedge holds the cue 问题 and says the opposite.
        if (inside(m, matches, isWordUnownedOrHedge)) continue;
        if (usedFor(text, m) || coordinated(text, m) || neverAgainOfAWorry(text, m)) continue;
        if (negation(text, free, m) || supposed(text, fears, m)) evidence.negated.push(m.pattern);
        else noteAt(evidence, v.kind === 'cue' ? 'cues' : 'evaluations', m.pattern, m.start);
      } else if (v.kind === 'unowned') {
        evidence.unowned.push(m.pattern);
      } else if (v.kind === 'hedge') {
        // 不满意, 不推荐, 不喜欢: the satisfaction word is part of a complaint, not a softener.
        if (!inside(m, matches, isNeitherHedgeNorNegation) && !negation(text, free, m)) noteAt(evidence, 'hedges', m.pattern, m.start);
      }
    }
    return isEmpty(evidence) ? NOTHING : evidence;
  }
}

const isEscalation = (m: Match<LexiconHit>) => m.value.kind === 'escalation';
const isNotEscalation = (m: Match<LexiconHit>) => m.value.kind !== 'escalation';
const patternOf = (m: Match<LexiconHit>) => m.pattern;

/** The matches that do not overlap a placeholder (placeholder.ts: the one definition of what one is). */
function outsidePlaceholders(text: string, matches: Match<LexiconHit>[]): Match<LexiconHit>[] {
  let out = matches;
  PLACEHOLDERS.lastIndex = 0;
  for (let p = PLACEHOLDERS.exec(text); p; p = PLACEHOLDERS.exec(text)) {
    const from = p.index;
    const to = from + p[0].length;
    const kept: Match<LexiconHit>[] = [];
    for (const m of out) if (m.end <= from || m.start >= to) kept.push(m);
    out = kept;
  }
  return out;
}
const PLACEHOLDERS = new RegExp(PLACEHOLDER_SOURCE, 'g');

/** The evidence of a line in which the lexicon finds nothing (read-only: frozen, arrays and all). */
const none = <T>() => Object.freeze([]) as unknown as T[];
const NOTHING: LexiconEvidence = Object.freeze({
  terms: none<TermEvidence>(),
  negated: none<string>(),
  cues: none<string>(),
  evaluations: none<string>(),
  hedges: none<string>(),
  unowned: none<string>(),
  escalations: none<string>(),
  starts: Object.freeze({ cues: none<number>(), evaluations: none<number>(), hedges: none<number>() }),
});

function isEmpty(e: LexiconEvidence): boolean {
  return e.terms.length + e.negated.length + e.cues.length + e.evaluations.length + e.hedges.length + e.unowned.length + e.escalations.length === 0;
}

/** Records a cue, evaluation or hedge with where it starts (the clauses of a line read them by position). */
function noteAt(e: LexiconEvidence, kind: keyof LexiconEvidence['starts'], said: string, start: number): void {
  e[kind].push(said);
  e.starts[kind].push(start);
}

/**
 * The free negation that reaches `m`: over a character or two of its own clause (不是质量问题), never past
 * punctuation (大小不等，再也不会买).
 */
function negation(text: string, free: readonly Match<LexiconHit>[], m: Match<LexiconHit>): Match<LexiconHit> | undefined {
  for (const n of free) if (n.end <= m.start && m.start - n.end <= NEGATION_REACH && !hasClauseBreak(text.slice(n.end, m.start))) return n;
  return undefined;
}

/** A problem feared or expected earlier in its clause (担心快递会压坏, 以为会磨脚) is not one that happened. */
function supposed(text: string, fears: readonly Match<LexiconHit>[], m: Match<LexiconHit>): boolean {
  for (const f of fears) if (f.end <= m.start && !hasClauseBreak(text.slice(f.end, m.start))) return true;
  return false;
}

const isNotNegation = (o: Match<LexiconHit>) => o.value.kind !== 'negation';
const isWord = (o: Match<LexiconHit>) => o.value.kind === 'word';
const isWordOrUnowned = (o: Match<LexiconHit>) => o.value.kind === 'word' || o.value.kind === 'unowned';
const isWordUnownedOrHedge = (o: Match<LexiconHit>) => o.value.kind === 'word' || o.value.kind === 'unowned' || o.value.kind === 'hedge';
const isNeitherHedgeNorNegation = (o: Match<LexiconHit>) => o.value.kind !== 'hedge' && o.value.kind !== 'negation';

/** A term of another department than term `m`'s (发错网点 around 发错). */
const isTermOfAnotherDepartment = (o: Match<LexiconHit>, m: Match<LexiconHit>) => o.value.kind === 'term' && m.value.kind === 'term' && o.value.department !== m.value.department;

/** Whether `m` lies within a longer match that `of` picks (不 in 不错, 不处理 in 再不处理, 发错 in 发错网点). */
function inside(m: Match<LexiconHit>, matches: readonly Match<LexiconHit>[], of: (o: Match<LexiconHit>, m: Match<LexiconHit>) => boolean): boolean {
  for (const o of matches) if (o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start && of(o, m)) return true;
  return false;
}

/** Words that say something is good, after an intensifier (很清晰) or right after what they judge (屏幕清晰). */
export const GOOD = ['不错', '棒', '满意', '清晰', '清楚', '流畅', '舒服', '给力', '耐心', '热情', '专业', '新鲜', '好吃', '好用', '好看', '漂亮', '结实', '精致', '实惠', '划算', '扎实', '细腻', '到位', '周到', '及时', '完美'];
/** Plain good qualities that read as praise where GOOD does (香到不行, 又香又甜), though not after an aspect. */
const GOOD_PLAIN = ['香', '甜', '软', '美', '可爱', '暖和', '方便'];
/** Intensifiers before a quality (很, 挺, 超级…). */
export const INTENSIFIERS = ['很', '挺', '非常', '超级', '超', '特别', '真', '蛮', '十分', '相当'];

/**
 * What a buyer says right after an aspect when it is good: 很好, 不错, 清晰, 也很耐心… A bare 好 only at the end of
 * its clause: before another word it is "so" (好简陋, 好慢 are complaints).
 */
const PRAISED = new RegExp(
  `^[的得]?(?:也|都|还|真的)?(?:${[...INTENSIFIERS, '太', '好'].join('|')})?(?:好(?:[的了啊呀哦呢吧]|(?=[，。！!,.~～\\s]|$))|${[...GOOD, '赞', '没得说', '没话说', '完好', '完整', '严实', '齐全', '很新'].join('|')})`,
);

/** 轻盈又暖和, 方便又卫生, 风很强又安静, 很亮又很轻: a good quality right after 又. */
function bothGood(text: string, end: number): boolean {
  return GOOD_AFTER_BOTH.test(text.slice(end, end + 4));
}
const GOOD_AFTER_BOTH = new RegExp(
  `^(?:${INTENSIFIERS.join('|')})?(?:${[...GOOD, ...GOOD_PLAIN, '便宜', '卫生', '实用', '耐用', '好', '轻', '稳', '快', '安静', '保暖', '透气', '亮', '韧', '省', '干净', '不累', '不贵'].join('|')})`,
);

function praised(text: string, end: number): boolean {
  return PRAISED.test(text.slice(end, end + 8));
}

/**
 * After a problem: denied at the end of its clause (烂的都没有, 色差一点也没有) or gone (掉发少了很多, 异味没了, 痘印也淡了).
 * Only for problems: after an aspect the same words say it is missing (发票都没有, 赠品没了).
 */
const CLEARED_AFTER =
  /^[的得]?(?:(?:一(?:点|个|颗|块|根|丝|次|盒|件|瓶|粒))?(?:都|也)(?:没有|没)(?:了|呢|啊|哦)?\s*(?:[，。！!,.~～…；;\s]|$)|(?:真的|明显|也|都|基本|已经)?(?:少了|减少了?|没了|没有了|不见了|消失了?|改善了?|减轻了?|淡了|好多了|好了很多))/;

/**
 * After an aspect: said absent at the end of its clause (赠品都没, 发票都没有, 赠品没了), as against a problem cleared
 * (包装没有破损: the absence is not at the end of the clause).
 */
const ABSENT_AFTER = /^((?:的)?(?:也|都|还|竟然|居然)?(?:没有|没)(?:了|呢|啊|哦|呀)?)\s*(?:[，。！!,.~～…；;?？\s]|$)/;

function clearedAfter(text: string, end: number): boolean {
  return CLEARED_AFTER.test(text.slice(end, end + 12));
}

/** 不给发票, 不能开专票, 不肯退款: 不 with a verb of giving between it and the aspect (不要发票 is no demand). */
function refused(text: string, n: Match<LexiconHit>, m: Match<LexiconHit>): boolean {
  return n.pattern === '不' && /^(给|肯|能|让|帮|提供|支持)/.test(text.slice(n.end, m.start));
}

/** 不是质量问题, 不是快递的原因: the negation clears the aspect of blame instead of saying it is missing. */
function problemFollows(text: string, end: number): boolean {
  return /^[的之]?(问题|原因|错|责任|事)/.test(text.slice(end, end + 4));
}

/**
 * Buyers write 没收到, 没有收到 and 未收到 alike: a term written with 没 before a word also matches with 没有 and 未
 * there (不 and 没有 are not shortened, so 没问题 never grows out of 没有).
 */
export function variants(term: string): string[] {
  const out = [term];
  const i = term.indexOf('没');
  if (i >= 0 && term[i + 1] !== undefined && term[i + 1] !== '有') {
    out.push(`${term.slice(0, i)}没有${term.slice(i + 1)}`, `${term.slice(0, i)}未${term.slice(i + 1)}`);
  }
  return out;
}
