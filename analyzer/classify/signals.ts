/**
 * Everything the classifier's heads look at for one line, computed the same way in training and in use:
 * the Bayes model's view of the line, the lexicon's evidence, the line's shape, and its conversation.
 *
 * Two stages. Stage 0 judges a line on its own (line vectors). Stage 1 adds the conversation: what stage 0
 * said about the earlier customer lines, and whether the agent apologised or named a department.
 */
import type { Taxonomy } from '../../schemas/taxonomy.ts';
import { PLACEHOLDER_SOURCE } from '../text/placeholder.ts';
import { segment } from '../text/segment.ts';
import { BayesModel } from './bayes.ts';
import { isClauseBreak } from './breaks.ts';
import type { FeatureIndex } from './feature-index.ts';
import { canonical, featureLength, featureStart, GREETINGS, isDetailsOnly, namedFeature, SEED, textFeatures } from './features.ts';
import { testAtStarts } from './first-char.ts';
import { GOOD, INTENSIFIERS, Lexicon, type LexiconEvidence } from './lexicon.ts';
import { RecentCache } from './recent.ts';
import type { SparseBinary, SparseSoftmax } from './sparse-lr.ts';
import type { ClassifierInput } from './types.ts';

/** What the lexicon finds in a line: all the heads read of an agent's line. */
export interface LexiconView {
  evidence: LexiconEvidence;
  /** Lexicon score per department, taxonomy order. */
  lex: Float64Array;
  /** Whether a sub-topic term of the department matched. */
  sub: Uint8Array;
  /** The lexicon hits as sparse features (department or sub-topic terms, cue, negated, hedge, unowned). */
  lexicon: number[];
}

export interface LineView extends LexiconView {
  /** log P(complaint) − log P(none) from the Bayes model. */
  nbComplaint: number;
  /** The same for the line's most complaining clause (the line's when it has one clause). */
  nbClause: number;

  /** Bayes log-softmax over departments only, in taxonomy order (NaN for departments the model lacks). */
  nbDept: Float64Array;
  canonicalText: string;
  /** Text features (n-grams, words): what the Bayes model reads. */
  features: number[];
  /** Text features plus lexicon hits: what the sparse heads read. */
  sparse: number[];
  /**
   * The row of each of `sparse` in `rowsIndex` (-1 = unknown). The classifier's models share one index, so a
   * line's features are looked up once, not again by each model (and again when the line is context).
   */
  rows: number[];
  rowsIndex: FeatureIndex;
  question: boolean;
  agentStyle: boolean;
  details: boolean;
  ack: boolean;
  exclaim: boolean;
  negativeEvaluation: boolean;
  length: number;
  /**
   * The line without its praised clauses (物流很快，客服也好，就是质量太差 → 就是质量太差), when it has both kinds,
   * and without the taxonomy's escalation words (我要投诉你们夸大宣传 → 我要，你们夸大宣传): the department heads
   * read this, since a praised department does not own the complaint, and 投诉 names no owner.
   */
  owner?: LineView;
  /** Share of the line's clauses that only praise (0 for a line of one clause or with no praise). */
  praiseShare: number;
  /**
   * Stage-0 judgement of the line, memoized by the classifier (views of context lines are cached); its
   * departments only once a later line that is a complaint needed them (previousDepartment).
   */
  stage0?: { complaint: number; departments: Float64Array | undefined };
  /** lineVector(this), memoized. */
  vector?: number[];
}

/** The first half of a LineView (SignalReader's #draft), for its second half (#finish). */
interface ViewDraft {
  text: string;
  tokens: readonly string[];
  found: LexiconEvidence;
  canonicalText: string;
  parts: Clause[] | undefined;
  spans: readonly Clause[] | undefined;
  /** Where each feature comes from (textFeatures' `at`), when the line has spans. */
  at: number[];
  features: number[];
  lexiconView: LexiconView;
  sparse: number[];
  rows: number[];
}

export interface Signals {
  line: LineView;
  /** Earlier customer lines, most recent first: up to three recent ones and the conversation's opening line. */
  previous: LineView[];
  /**
   * What the conversation is about when none of `previous` names it: the earliest customer line between the
   * opening line and the recent ones that names what went wrong (下单四天了还不发 before 我很急, 我不想听这些,
   * 再不处理我就给差评了). The heads read it for the conversation's department only, as if it were the most recent.
   */
  topic?: LineView;
  /** The last agent line, if any: the heads read only its lexicon evidence. */
  agent?: LexiconView;
  agentApology: boolean;
}

// 味道酸吗 [链接x]: a link, placeholder or emoji after the question does not make it a statement.
const TRAILING = new RegExp(String.raw`(?:\s*(?:${PLACEHOLDER_SOURCE}|[\p{Extended_Pictographic}\u{FE0F}]))+\s*$`, 'u');

/**
 * The line without a trailing link, placeholder or emoji. Most lines end in a Han character or in ASCII or
 * full-width punctuation, none of which TRAILING can match: those skip the regex, which is tried at every
 * position of the line (it is anchored at the end only).
 */
function withoutTrailing(text: string): string {
  const c = text.charCodeAt(text.length - 1);
  const plain = (c > 0x20 && c < 0x7f && c !== 0x5d) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xff01 && c <= 0xff5e) || c === 0x3001 || c === 0x3002;
  return plain ? text : text.replace(TRAILING, '');
}
// 看看行不行, 要等多久才能睡: an A-not-A ending and "how long until" ask as well as 吗 does.
const QUESTION = /[?？]\s*$|[吗嘛么呢][?？!！。~～\s]*$|(?:行不行|(?<!不)好不好|可不可以|可以不|对不对|要不要)[?？!！。~～\s]*$|(?:多久|多长时间)(?:才能|才可以|才会)|^(请问|问一下|问下|能不能|可不可以|能否|是否|有没有|怎么|如何|哪里|什么时候|多久)/;
// Phrases agents use and buyers rarely do (buyers greet with 您好 too, so it is not one of them).
const AGENT_STYLE = /亲亲|^亲[,，!！ ]|为您|帮您|给您|请您|小妹|客官|感谢您|祝您|您稍等|久等了/;
// 好的 [姓名x], 好的👌 thanks, 没有了，谢谢你, 好的呢: a name, an emoji, a particle or a thank-you does not make it
// more than a 好的. 是的, 对的 confirm a detail the agent asked about, and are never counted either (54 of 54 such
// real dev lines).
const ACK = new RegExp(
  `^(${[
    ...['好的?', '好吧', '好哒', '好滴', '嗯+', '恩+', '哦+', '噢+', '奥', 'ok', 'okay', '行', '可以', '收到', '知道了', '明白了?', '谢了', '多谢', '感谢'],
    ...['是的?', '是啊', '是呀', '是滴', '对+的?', '对啊', '对呀', '没错'],
    // 好吧 我等你们消息, 那我再等等: agreeing to wait (33 corpus lines, none a complaint).
    '那?我?就?再?等(?:等|着|一下|你们?的?消息|您的?消息|通知|回复|电话)[吧了呢哦啊呀]?',
    ...['辛苦了', '辛苦啦', '辛苦你了', '辛苦您了', '麻烦了', '麻烦啦', '麻烦你了', '麻烦您了', '有劳', '没事了?', '没有了', '没了', '拜拜', '再见'],
    ...['hello', 'hi', 'thanks?', 'thx', ...GREETINGS, '[你您啊呀哈啦呢]', '\\[姓名x\\]', '[\\p{Extended_Pictographic}\\u{FE0F}]', '[.。,，!！~～\\s]'],
  ].join('|')})+$`,
  'iu',
);
const EXCLAIM = /[!！]{2,}|[?？]{2,}|😡|😤|🙄|😠|💢|气死|(?<![舒佩衣克说征驯制信])服了|无语/u;
// A buyer judging the goods badly, in words no department owns: the taxonomy's evaluation words (不怎么样,
// 烂东西) and these shapes ("分辨率太低", "隔音不好", "没什么用"). The lexicon routes; this only says "something is wrong".
// Qualities that are good or bad by the goods (很软 sweater vs 太软 mattress, 很薄 phone, 价格很低, 柔顺了很多) are
// only bad with 太 or a "somewhat" (有点厚, 偏软); 很小/很少 are bad (瓶子很小, 量很少) except for what is better
// small (噪音很小, 掉发少了很多); 很干净, 很难得, 很紧凑 are praise; 不好意思 and 好不好 judge nothing.
// 太 and the words for "somewhat" (有点小, 偏大); with the intensifiers, what says "so" before a quality (很慢, 超级贵,
// 这么慢, 最差, 真的差).
const SOMEWHAT_WORDS = ['太', '有点', '有些', '稍微', '略', '比较', '偏'];
const SO_WORDS = [...INTENSIFIERS, '太', '好', '有点', '有些', '稍微', '略', '比较', '偏', '这么', '那么', '最', '真的'];
const SOMEWHAT = SOMEWHAT_WORDS.join('|');
const SO = SO_WORDS.join('|');
export const NEGATIVE_SHAPE = new RegExp(
  String.raw`(?<!好)不好(?!意思)[用看吃喝穿闻]?|(?<![还未])没(?:什么|啥|有)?(?:用(?![过了完])|效果|作用)|一点(?:用|效果)都没有|(?:${SOMEWHAT})(?:低|软|薄|厚|重|响|淡|松|多)|(?<!体积|噪音|声音|误差|色差|辐射|油烟|掉发|头屑|异味|副作用|耗电|电费|瑕疵|毛病)(?:${SO})(?:小|少)(?!了很多|了不少|了好多)|(?:${SO})(?:贵|差|慢|硬(?!朗)|吵|脏|旧|臭|酸|苦|咸|干(?![净爽脆])|油(?!亮)|粘|黏|紧(?![凑致])|暗|糊|卡|烫|短|难(?!得)|麻烦)|(?:不是很|不太|不怎么|没那么|没有那么|不够)(?:好|满意|喜欢|舒服|滋润|保湿|清楚|清晰|结实|耐用|实用|合适|新鲜|甜|香|流畅|灵敏|稳定)|不建议(?:购买|买|大家)|不便宜|差(?:一些|一点|了点|点儿?)|一股[^，。,.!！?？\s]{0,6}?味|(?:质量|效果|做工|味道|音质|画质)(?:很|太|非常|比较)?一般`,
);
/** NEGATIVE_SHAPE.test, tried only where one of its alternatives can begin (testAtStarts): its first characters, in its order. */
export const negativeShape = testAtStarts(NEGATIVE_SHAPE, ['不', '没', '一', ...SOMEWHAT_WORDS, ...SO_WORDS, '差', ...'质效做味音画'].map((w) => w[0]).join(''));
// A clause that praises (物流很快, 客服也很耐心): it does not name the complaint's owner.
const PRAISE = new RegExp(`(?:都|也)(?:可以|还行|行)|(?:${[...INTENSIFIERS, '都', '也', '还'].join('|')})(?:${['好', '快', '方便', '便宜', ...GOOD].join('|')})|好评|给力|点赞|赞|完美`);

export interface Clause {
  text: string;
  /** The clause's share of the line's tokens, as indices into them (see clauseTokens). */
  tokenAt: number[];
  /** Where the clause lies in the line: [start, end). */
  start: number;
  end: number;
}

// Words that turn a line from praise to its complaint (很好看，就是有点小): a clause starts at each.
const TURNS = ['就是', '但是', '可是', '不过', '只是', '可惜', '美中不足'];
const TURN_STARTS = new Set(TURNS.map((t) => t.charCodeAt(0)));
// A line or clause that contrasts is not praise only: the turns, and words that contrast without starting a
// clause of their own (但 is also inside 不但, so it does not split).
const CONTRAST_WORDS = new RegExp([...TURNS, '但', '唯一', '除了', '缺点'].join('|'), 'g');
// 一打开就是热水, 一看就是正品, 要的就是这个: 就是 there says "is exactly", not "but".
const NOT_A_TURN_BEFORE_JIUSHI = /(?:一[^\s，。,.!！?？、；;]{1,3}|[的这那不])$/;

/** Whether `text` turns at `i` (就是, 但是…), as against 就是 meaning "is exactly" (一打开就是热水). */
function turnsAt(text: string, i: number): boolean {
  for (const t of TURNS) {
    if (!text.startsWith(t, i)) continue;
    return t !== '就是' || !NOT_A_TURN_BEFORE_JIUSHI.test(text.slice(Math.max(0, i - 4), i));
  }
  return false;
}

/** Whether the line or clause contrasts: a turn (turnsAt) or a contrast word (但, 唯一, 除了, 缺点). */
function contrasts(text: string): boolean {
  CONTRAST_WORDS.lastIndex = 0;
  for (let m = CONTRAST_WORDS.exec(text); m; m = CONTRAST_WORDS.exec(text)) {
    if (m[0] !== '就是' || turnsAt(text, m.index)) return true;
  }
  return false;
}

/**
 * The line's clauses — split at punctuation and spaces, and before a turn (就是, 但是…) — with their share of
 * its tokens, by position (no second segmentation). A hand-written scan: this runs for every line.
 */
export function splitClauses(text: string, tokens: readonly string[]): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isClauseBreak(c)) {
      if (i > from) out.push(clause(text, from, i));
      from = i + 1;
    } else if (i > from && TURN_STARTS.has(c) && turnsAt(text, i)) {
      out.push(clause(text, from, i));
      from = i;
    }
  }
  if (text.length > from) out.push(clause(text, from, text.length));
  if (out.length < 2) return out;
  let cursor = 0;
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const at = text.indexOf(t, cursor);
    if (at < 0) continue;
    cursor = at + t.length;
    while (k < out.length - 1 && at >= out[k]!.end) k++;
    if (at >= out[k]!.start) out[k]!.tokenAt.push(i);
  }
  return out;
}

const clause = (text: string, start: number, end: number): Clause => ({ text: text.slice(start, end), tokenAt: [], start, end });

/** `text` with each of `words` replaced by a comma, the longest words first. */
function cutWords(text: string, words: readonly string[]): string {
  let out = text;
  for (const w of [...words].sort((a, b) => b.length - a.length)) out = out.split(w).join('，');
  return out;
}

/** The lexicon hits as features: a department term (`warehouse`), a sub-topic term (`warehouse/slow_dispatch`), the kinds of cue. */
const termFeature = (department: string, subTopic: string | null) => namedFeature(SEED.lexicon, subTopic ? `${department}/${subTopic}` : department);
const CUE_FEATURE = namedFeature(SEED.lexicon, 'cue');
const NEGATED_FEATURE = namedFeature(SEED.lexicon, 'negated');
const HEDGE_FEATURE = namedFeature(SEED.lexicon, 'hedge');
const UNOWNED_FEATURE = namedFeature(SEED.lexicon, 'unowned');

const APOLOGY = /抱歉|不好意思|给您带来|请您谅解|非常理解|理解您的心情|对不起|实在抱歉|深表歉意/;

export class SignalReader {
  readonly lexicon: Lexicon;
  readonly departments: readonly string[];
  readonly #nbDeptIndex: number[];
  /** termFeature of each department's terms (taxonomy order), by sub-topic id ('' for the department's own terms). */
  readonly #termFeatures: Map<string, number>[];
  readonly #cache = new RecentCache<LineView>();
  readonly #agentCache = new RecentCache<LexiconView>();
  /** Where each feature of the line being viewed comes from (textFeatures' `at`). */
  readonly #at: number[] = [];
  #pickBuffer = new Int32Array(256);
  /** The lexicon scores of a line that names no department's term (read only, shared: see lexiconView). */
  readonly #noLex: Float64Array;
  readonly #noSub: Uint8Array;
  /** textFeatures writes here first; a view keeps a copy of exactly the line's length. */
  readonly #features: number[] = [];
  /** The Bayes scores of the line being viewed, and of one of its clauses (#clauseNbOfRows): overwritten line by line. */
  readonly #lineScores: Float64Array;
  readonly #clauseScores: Float64Array;

  constructor(
    readonly taxonomy: Taxonomy,
    readonly bayes: BayesModel,
    /** Training only: read lines as if the lexicon knew none of their words (lexicon dropout). */
    readonly withoutLexicon = false,
    /** Training only: read lines as if none of their words had been seen (text dropout): lexicon and shape only. */
    readonly withoutText = false,
  ) {
    this.lexicon = Lexicon.of(taxonomy);
    this.departments = taxonomy.departments.map((d) => d.id);
    this.#noLex = new Float64Array(this.departments.length);
    this.#noSub = new Uint8Array(this.departments.length);
    this.#lineScores = new Float64Array(bayes.classes.length);
    this.#clauseScores = new Float64Array(bayes.classes.length);
    this.#nbDeptIndex = this.departments.map((d) => bayes.classes.indexOf(d));
    this.#termFeatures = taxonomy.departments.map((d) => new Map([['', termFeature(d.id, null)], ...d.subTopics.map((t) => [t.id, termFeature(d.id, t.id)] as const)]));
  }

  /**
   * The lexicon's reading of a line: its evidence, the score per department and the hits as sparse features.
   * `found` is the lexicon's full evidence for the text, when the caller has it already.
   */
  lexiconView(text: string, found = this.lexicon.find(text)): LexiconView {
    // Lexicon dropout hides the taxonomy's department words and cues; a bad evaluation stays a plain reading.
    const evidence = this.withoutLexicon
      ? { terms: [], negated: [], cues: [], evaluations: found.evaluations, hedges: [], unowned: [], escalations: found.escalations, starts: { cues: [], evaluations: found.starts.evaluations, hedges: [] } }
      : found;
    // Most lines name no department's term, and many match nothing (views are kept, and every object in them is
    // copied by the GC): they share read-only zeros and an empty list.
    const none = evidence.terms.length === 0;
    if (none && evidence.cues.length + evidence.negated.length + evidence.hedges.length + evidence.unowned.length === 0) {
      return { evidence, lex: this.#noLex, sub: this.#noSub, lexicon: NONE as number[] };
    }
    const D = this.departments.length;
    const lex = none ? this.#noLex : new Float64Array(D);
    const sub = none ? this.#noSub : new Uint8Array(D);
    const lexicon: number[] = [];
    for (const t of evidence.terms) {
      const i = this.departments.indexOf(t.department);
      if (i < 0) continue;
      lex[i]! += t.weight;
      if (t.subTopic) sub[i] = 1;
      lexicon.push(this.#termFeatures[i]!.get(t.subTopic ?? '')!);
    }
    if (evidence.cues.length > 0) lexicon.push(CUE_FEATURE);
    if (evidence.negated.length > 0) lexicon.push(NEGATED_FEATURE);
    if (evidence.hedges.length > 0) lexicon.push(HEDGE_FEATURE);
    if (evidence.unowned.length > 0) lexicon.push(UNOWNED_FEATURE);
    return { evidence, lex, sub, lexicon };
  }

  /** The model's and the lexicon's view of one normalized line. */
  view(text: string, tokens: readonly string[], clauses = true): LineView {
    return this.#finish(this.#draft(text, tokens, clauses, this.lexicon.find(text), false));
  }

  /**
   * A view's first half: the line's features and lexicon reading, and the rows of its features in the shared index.
   * `keepAt`: copy where each feature comes from (the reader's buffer is overwritten by the next draft).
   */
  #draft(text: string, tokens: readonly string[], clauses: boolean, found: LexiconEvidence, keepAt: boolean): ViewDraft {
    const canonicalText = canonical(text);
    const parts = clauses ? splitClauses(text, tokens) : undefined;
    // A line of two clauses or more has clauses whose features are its own, by position: the Bayes model scores
    // them from the line's rows. Their places in the canonical text, where the features come from, are theirs in
    // the line when it needs no canonical form (most: no placeholder, digit or link); else as canonicalSpans finds.
    const spans = parts !== undefined && !this.withoutText && longClauses(parts) >= 2 ? (canonicalText === text ? parts : canonicalSpans(text, canonicalText, parts)) : undefined;
    // Written into buffers the reader keeps, and copied once at the line's length (pushed into a new array, the
    // features grew it two or three times).
    const count = this.withoutText ? 0 : textFeatures(canonicalText, tokens, this.#features, spans ? this.#at : undefined);
    const at = spans && keepAt ? this.#at.slice(0, count) : this.#at;
    const features = this.#features.slice(0, count);
    const lexiconView = this.lexiconView(text, found);
    const sparse = lexiconView.lexicon.length > 0 ? features.concat(lexiconView.lexicon) : features;
    return { text, tokens, found, canonicalText, parts, spans, at, features, lexiconView, sparse, rows: this.bayes.index.rowList(sparse) };
  }

  /** A view's second half: the Bayes model's scores of the line and its clauses, and the line's shape. */
  #finish(d: ViewDraft): LineView {
    const { text, tokens, found, canonicalText, parts, spans, at, features, sparse, rows } = d;
    const { evidence, lex, sub, lexicon } = d.lexiconView;
    const D = this.departments.length;
    const rowsIndex = this.bayes.index;
    // The Bayes model reads the text only; the heads weigh the lexicon's evidence themselves.
    const nb = this.bayes.scoresOfRowList(rows, features.length, this.#lineScores);
    const nbComplaint = Math.max(-30, Math.min(30, complaintLogOdds(nb)));
    const nbClause = spans ? this.#clauseNbOfRows(spans, at, features.length, rows) : parts && !this.withoutText ? this.#clauseNb(parts, tokens, nbComplaint) : nbComplaint;
    const nbDept = new Float64Array(D);
    let dmax = -Infinity;
    for (let i = 0; i < D; i++) {
      const k = this.#nbDeptIndex[i]!;
      nbDept[i] = k >= 0 ? nb[k]! : NaN;
      if (k >= 0 && nbDept[i]! > dmax) dmax = nbDept[i]!;
    }
    let dsum = 0;
    for (let i = 0; i < D; i++) if (!Number.isNaN(nbDept[i]!)) dsum += Math.exp(nbDept[i]! - dmax);
    for (let i = 0; i < D; i++) if (!Number.isNaN(nbDept[i]!)) nbDept[i] = nbDept[i]! - dmax - Math.log(dsum);
    // The clauses read the lexicon's full evidence by position (under lexicon dropout too, as praise is no department word).
    const praised = parts ? this.#praisedClauses(text, parts, evidence, found) : undefined;
    return {
      nbComplaint,
      nbDept,
      evidence,
      lex,
      sub,
      canonicalText,
      features,
      lexicon,
      sparse,
      rows,
      rowsIndex,
      question: QUESTION.test(withoutTrailing(text)),
      agentStyle: AGENT_STYLE.test(text),
      details: isDetailsOnly(canonicalText),
      ack: ACK.test(text),
      exclaim: EXCLAIM.test(text),
      negativeEvaluation: evidence.evaluations.length > 0 || negativeShape(text),
      length: text.length,
      owner: parts ? this.#owner(text, tokens, parts, praised, found.escalations) : undefined,
      praiseShare: praised ? praised.filter(Boolean).length / praised.length : 0,
      nbClause,
      // Present from the start (memoized later), so every view has the same shape for the JIT.
      stage0: undefined,
      vector: undefined,
    };
  }

  /**
   * The Bayes complaint log-odds of the most complaining clause: praise clauses do not add up to a complaint.
   */
  #clauseNb(clauses: readonly Clause[], tokens: readonly string[], whole: number): number {
    if (longClauses(clauses) < 2) return whole;
    let best = -Infinity;
    const scores = new Float64Array(this.bayes.classes.length);
    const f: number[] = [];
    for (const c of clauses) {
      if (c.text.length <= 1) continue;
      f.length = textFeatures(canonical(c.text), clauseTokens(c, tokens), f);
      const nb = this.bayes.scores(f, scores);
      best = Math.max(best, complaintLogOdds(nb));
    }
    return Math.max(-30, Math.min(30, best));
  }

  /**
   * #clauseNb from the line's rows, for clauses placed in its canonical text (the line's own places when that is
   * the line itself; canonicalSpans): each clause's features are the line's n-grams that lie inside it and the
   * words of its tokens, in the order textFeatures gives them for the clause alone, so the
   * scores are the same, summed from the rows the line's features found (`at`: where each feature comes from).
   */
  #clauseNbOfRows(clauses: readonly Clause[], at: readonly number[], count: number, rows: readonly number[]): number {
    const picks = this.#picks(count);
    const scores = this.#clauseScores;
    let best = -Infinity;
    let gram = 0;
    let word = 0;
    while (word < count && featureLength(at[word]!) !== 1) word++;
    const words = word;
    for (const c of clauses) {
      if (c.text.length <= 1) continue;
      let n = 0;
      // N-grams from the clause's start that end inside it (both lists run in position order).
      while (gram < words && featureStart(at[gram]!) < c.start) gram++;
      for (let k = gram; k < words && featureStart(at[k]!) + 2 <= c.end; k++) {
        if (featureStart(at[k]!) + featureLength(at[k]!) <= c.end) picks[n++] = k;
      }
      for (const t of c.tokenAt) {
        while (word < count && featureStart(at[word]!) < t) word++;
        if (word < count && featureStart(at[word]!) === t) picks[n++] = word;
      }
      best = Math.max(best, complaintLogOdds(this.bayes.scoresOfRows(rows, picks, n, scores)));
    }
    return Math.max(-30, Math.min(30, best));
  }

  /** A pick buffer of at least `n`, reused from line to line. */
  #picks(n: number): Int32Array {
    if (this.#pickBuffer.length < n) this.#pickBuffer = new Int32Array(2 * n);
    return this.#pickBuffer;
  }

  /** Which of the line's clauses only praise (物流很快, 客服也很耐心), when it has two or more and praise at all. */
  #praisedClauses(text: string, clauses: readonly Clause[], evidence: LexiconEvidence, full: LexiconEvidence): boolean[] | undefined {
    if (clauses.length < 2 || (evidence.hedges.length === 0 && !PRAISE.test(text))) return undefined;
    const out: boolean[] = [];
    for (const c of clauses) {
      const praise = within(full.starts.hedges, c) || PRAISE.test(c.text);
      out.push(praise && !within(full.starts.cues, c) && !within(full.starts.evaluations, c) && !namesProblemWithin(full, c) && !negativeShape(c.text) && !contrasts(c.text));
    }
    return out;
  }

  /**
   * The view the department heads read (LineView.owner), when it is not the line itself: the line without its
   * praised clauses, when it has praised ones too, and without the taxonomy's escalation words (投诉, 找平台).
   */
  #owner(text: string, tokens: readonly string[], clauses: readonly Clause[], praised: readonly boolean[] | undefined, escalations: readonly string[]): LineView | undefined {
    const kept = praised?.includes(false) ? clauses.filter((_, i) => !praised[i]) : undefined;
    const own = kept && kept.length < clauses.length ? kept : undefined;
    const ownText = own ? own.map((c) => c.text).join('，') : text;
    // The escalation words the lexicon found (rare), longest first: 平台投诉 goes whole, not as 平台 and 投诉.
    const cut = escalations.length === 0 ? ownText : cutWords(ownText, escalations);
    if (cut !== ownText) return this.view(cut, segment(cut), false);
    return own ? this.view(ownText, own.flatMap((c) => clauseTokens(c, tokens)), false) : undefined;
  }

  /** The view of a line about to be classified, cached by text: the next lines of its conversation read it as context. */
  lineView(text: string, tokens: readonly string[]): LineView {
    return this.#cache.get(text) ?? this.#cache.set(text, this.view(text, tokens));
  }

  /**
   * The views of a stage of lines about to be classified (HybridClassifier.readAhead), kept by text, built in three
   * passes over the stage's new lines: the lexicon reads them all, then each gets its features and their rows in
   * the shared index (#draft), then the Bayes scores and the rest (#finish). The lexicon's automaton, the feature
   * index and the weight tables each stay in the processor's caches through a pass: against building each view
   * whole, real chat lines alone took about 7 % less time with the lexicon's pass, and 7 % less again with the
   * other two; in conversation, where the views are a smaller part, 1–5 %.
   */
  readAhead(lines: readonly { text: string; tokens: readonly string[] }[]): void {
    const todo: { text: string; tokens: readonly string[] }[] = [];
    const seen = new Set<string>();
    for (const l of lines) {
      if (l.text.length === 0 || seen.has(l.text) || this.#cache.get(l.text) !== undefined) continue;
      seen.add(l.text);
      todo.push(l);
    }
    const found = todo.map((l) => this.lexicon.find(l.text));
    const drafts = todo.map((l, k) => this.#draft(l.text, l.tokens, true, found[k]!, true));
    for (const d of drafts) this.#cache.set(d.text, this.#finish(d));
  }

  /** Views of context lines repeat (each later line of a conversation sees them again): cached by text. */
  contextView(text: string): LineView {
    return this.#cache.get(text) ?? this.#cache.set(text, this.view(text, segment(text)));
  }

  read(input: ClassifierInput): Signals {
    // Cached: the next line of the conversation will read this one as its context (and a read-ahead may have made it).
    // (No closures on this path: it runs for every line, and tsx names every closure made.)
    const line = this.lineView(input.text, input.tokens);
    const previous: LineView[] = [];
    let agent: LexiconView | undefined;
    let agentText = '';
    const context = input.context ?? [];
    for (let i = context.length - 1; i >= 0 && (previous.length < 3 || !agent); i--) {
      const c = context[i]!;
      if (c.text.length === 0) continue;
      if (c.role === 'customer' && previous.length < 3) previous.push(this.contextView(c.text));
      else if (c.role === 'agent' && !agent) {
        agent = this.#agentCache.get(c.text) ?? this.#agentCache.set(c.text, this.lexiconView(c.text));
        agentText = c.text;
      }
    }
    // The customer's opening line usually says what the whole conversation is about.
    let opening: (typeof context)[number] | undefined;
    if (previous.length === 3) {
      for (const c of context) {
        if (c.role !== 'customer' || c.text.length === 0) continue;
        opening = c;
        break;
      }
    }
    if (opening) {
      const v = this.contextView(opening.text);
      if (!previous.includes(v)) previous.push(v);
    }
    return { line, previous, topic: this.#topic(context, previous, opening !== undefined), agent, agentApology: APOLOGY.test(agentText) };
  }

  /**
   * Signals.topic: the earliest customer line between the opening line and the three recent ones that names
   * what went wrong, when none of `previous` does. Such lines are few: in the pipeline's context (six recent
   * lines and two opening ones) at most three, views of lines the classifier read before.
   */
  #topic(context: readonly { role: string; text: string }[], previous: readonly LineView[], opening: boolean): LineView | undefined {
    if (previous.length < 3) return undefined;
    for (const v of previous) if (namesProblem(v)) return undefined;
    let skip = opening ? 1 : 0;
    for (const c of context) {
      if (c.role !== 'customer' || c.text.length === 0) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      const v = this.contextView(c.text);
      if (previous.includes(v)) return undefined;
      if (namesProblem(v)) return v;
    }
    return undefined;
  }
}

/**
 * The clauses of a line whose canonical text differs from it ([订单x] 订单金额:[金额x], 等了3天), placed in that
 * canonical text: when it is the line's breaks between its clauses, each made canonical on its own, the clauses'
 * features are the canonical line's, by position, and #clauseNbOfRows scores them as #clauseNb would. Undefined
 * when a placeholder, number or link runs over a break (3.5, a link's dots): those lines take #clauseNb.
 */
function canonicalSpans(text: string, canonicalText: string, clauses: readonly Clause[]): Clause[] | undefined {
  const spans: Clause[] = [];
  let built = '';
  let from = 0;
  for (const c of clauses) {
    built += text.slice(from, c.start);
    const start = built.length;
    built += canonical(c.text);
    spans.push({ text: c.text, tokenAt: c.tokenAt, start, end: built.length });
    from = c.end;
  }
  built += text.slice(from);
  return built === canonicalText ? spans : undefined;
}

/** The clause's tokens, from the line's `tokens`. */
export function clauseTokens(c: Clause, tokens: readonly string[]): string[] {
  return c.tokenAt.map((i) => tokens[i]!);
}

/** Clauses of more than one character: a line with fewer than two has no clause reading of its own. */
function longClauses(clauses: readonly Clause[]): number {
  let long = 0;
  for (const c of clauses) if (c.text.length > 1) long++;
  return long;
}

/** Whether any of the positions lies in the clause. */
function within(starts: readonly number[], c: Clause): boolean {
  for (const at of starts) if (at >= c.start && at < c.end) return true;
  return false;
}

/** Whether a sub-topic term starts in the clause. */
function namesProblemWithin(e: LexiconEvidence, c: Clause): boolean {
  for (const t of e.terms) if (t.subTopic && t.start >= c.start && t.start < c.end) return true;
  return false;
}

/** log P(any department) − log P(none) from Bayes log scores (classes[0] = 'none'). */
function complaintLogOdds(nb: Float64Array): number {
  let max = -Infinity;
  for (let c = 1; c < nb.length; c++) if (nb[c]! > max) max = nb[c]!;
  let sum = 0;
  for (let c = 1; c < nb.length; c++) sum += Math.exp(nb[c]! - max);
  return max + Math.log(sum) - nb[0]!;
}

const clip = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
const logit = (p: number) => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));

/** Stage 0: the complaint head's inputs from the line alone. */
export const LINE_FEATURES = [
  'bayes complaint log-odds',
  'lexicon strongest department',
  'sub-topic term',
  'complaint cues',
  'hedged without cue',
  'negated term',
  'question',
  'agent style',
  'log length',
  'details only',
  'acknowledgement only',
  'exclamation',
  'bayes × question',
  'cues × question',
  'no evidence at all',
  'negative evaluation',
  'negative evaluation × hedge',
  'bayes × details only',
  'praise with no but',
  'names only what no department owns',
  'bayes complaint log-odds, most complaining clause',
  'praise, then a turn',
  'share of clauses that only praise',
  'sub-topic term × question',
  'bad evaluation × question',
] as const;

export function lineVector(l: LineView): number[] {
  return (l.vector ??= buildLineVector(l));
}

// Longer lines are complaints more often up to about 40 characters; the corpus has few lines beyond, and its
// complaint rate does not rise there, so the length signal is not extrapolated to long reviews.
const LENGTH_SIGNAL_CAP = Math.log1p(40);

function buildLineVector(l: LineView): number[] {
  let lexMax = 0;
  for (const v of l.lex) if (v > lexMax) lexMax = v;
  let strong = 0;
  for (const v of l.sub) if (v) strong = 1;
  const nb = clip(l.nbComplaint, -20, 20) / 10;
  const cues = Math.min(l.evidence.cues.length, 3) / 3;
  const hedged = l.evidence.hedges.length > 0;
  const noCue = l.evidence.cues.length === 0;
  const turns = contrasts(l.canonicalText);
  // Filled in place, in the order of LINE_FEATURES. A plain array: a Float64Array longer than 8 is allocated
  // outside the JS heap, which costs about ten times as much, and this runs for every line.
  const v = new Array<number>(LINE_FEATURES.length).fill(0);
  v[0] = nb;
  v[1] = Math.min(lexMax, 6) / 3;
  v[2] = strong;
  v[3] = cues;
  v[4] = hedged && noCue ? 1 : 0;
  v[5] = l.evidence.negated.length > 0 ? 1 : 0;
  v[6] = l.question ? 1 : 0;
  v[7] = l.agentStyle ? 1 : 0;
  v[8] = Math.min(Math.log1p(l.length), LENGTH_SIGNAL_CAP) / 4;
  v[9] = l.details ? 1 : 0;
  v[10] = l.ack ? 1 : 0;
  v[11] = l.exclaim ? 1 : 0;
  v[12] = l.question ? nb : 0;
  v[13] = l.question ? cues : 0;
  v[14] = lexMax === 0 && noCue ? 1 : 0;
  v[15] = l.negativeEvaluation ? 1 : 0;
  v[16] = l.negativeEvaluation && hedged ? 1 : 0;
  // The text model reads an order card's 订单金额 as money trouble; on details lines its say is discounted.
  v[17] = l.details ? nb : 0;
  // 客服态度很好 耐心解答: satisfaction with no 但是/就是 and no bad word is praise, whatever the nouns.
  v[18] = hedged && noCue && !l.negativeEvaluation && !turns ? 1 : 0;
  // 情节老套 作者敷衍: a judgement of what no department owns (TAXONOMY.md: not counted).
  v[19] = l.evidence.unowned.length > 0 && l.evidence.terms.every(ownsNothing) ? 1 : 0;
  v[20] = clip(l.nbClause, -20, 20) / 10;
  // 保湿效果好，不过容易油 / 还行吧，就是有点香: a review that turns after praising goes on to what is wrong.
  v[21] = turns && (hedged || PRAISE.test(l.canonicalText)) ? 1 : 0;
  // 物流很快，包装严实，手机流畅，客服耐心: a long review can praise clause after clause and name no problem.
  v[22] = l.praiseShare;
  // 怎么有霉斑 这还能吃吗, 发票什么时候能开好: a question that names a problem is not the neutral question
  // (有货吗, 怎么安装) that the question feature discounts; the heads learn how far each kind goes.
  v[23] = l.question ? strong : 0;
  v[24] = l.question && l.negativeEvaluation ? 1 : 0;
  return v;
}

const ownsNothing = (t: { subTopic: string | null }) => t.subTopic === null;

/** Judgements that fit a book's story as well as goods (很一般, 不实用, 忽悠人): they say nothing about an owner. */
const JUDGEMENTS = new Set([
  ...['粗糙', '垃圾', '廉价', '不值', '不值这个价', '很一般', '太一般', '一般般', '地摊货'],
  ...['不好用', '难用', '不实用', '难看', '丑', '太丑', '不好看'],
  ...['言过其实', '虚假宣传', '夸大', '忽悠', '骗人', '欺骗消费者', '标题党', '过度宣传', '夸大其词', '夸张', '吹得', '吹牛'],
  ...['忽悠人', '被忽悠', '骗子', '欺诈', '坑人', '被坑', '误导', '噱头', '挂羊头'],
  ...['名不副实', '不符', '区别太大', '差别太大', '区别很大', '差别很大', '差距很大', '差距太大'],
  ...['没效果', '没有效果', '没什么效果', '效果差', '效果不好', '效果一般', '不管用', '没作用'],
]);

/**
 * Whether the line judges only what no department owns (TAXONOMY.md: a book's story, its author, brand news): it
 * names such a thing, and of the taxonomy's terms at most judgements that fit anything (内容空洞 作者敷衍 上当了,
 * 这书很一般). A problem a department owns (印刷模糊, 缺页, 送货太慢) is a term of its own and keeps the line.
 * And it is a judgement of such a thing: a bad evaluation, a complaint cue or such a judgement, or more than one
 * mention of what no department owns (内容空洞 holds 内容; 翻译 and 内容一般 go together). A line that names it once
 * and judges nothing (开出的票内容是哪件商品, 内容都是办公用品 in an invoice conversation) is left to the model and
 * its conversation.
 */
export function judgesOnlyUnowned(l: LineView): boolean {
  if (l.evidence.unowned.length === 0) return false;
  let judged = l.negativeEvaluation || l.evidence.cues.length > 0 || l.evidence.unowned.length > 1;
  for (const t of l.evidence.terms) {
    if (!JUDGEMENTS.has(t.term)) return false;
    judged = true;
  }
  return judged;
}

/** Stage 1: line inputs plus the conversation. `p0` = stage-0 P(complaint) of the earlier customer lines. */
export const CONTEXT_FEATURES = [
  'has earlier customer line',
  'previous line complaint log-odds',
  'earlier lines: strongest complaint log-odds',
  'previous × short line',
  'previous × details line',
  'previous × acknowledgement',
  'previous × question',
  'agent apologised',
  'agent apologised × short line',
  'details line opening the conversation',
] as const;

/** The complaint head's dense inputs, in contextVector's order: the line's (LINE_FEATURES), then the conversation's. */
export const COMPLAINT_FEATURES: readonly string[] = [...LINE_FEATURES, ...CONTEXT_FEATURES];

const CONTEXT_ZEROS: readonly number[] = CONTEXT_FEATURES.map(() => 0);

/**
 * Stage 1's dense inputs: the line's (lineVector), then the conversation's in the order of CONTEXT_FEATURES.
 * Written into `into` when given (the classifier's own buffer, read before the next line: no array per line),
 * else into a new plain array (training keeps one per example).
 */
export function contextVector(s: Signals, p0: readonly number[], into?: number[]): number[] {
  const line = lineVector(s.line);
  const has = s.previous.length > 0 ? 1 : 0;
  // Earlier lines only add evidence: a complaint raised before supports this line; a neutral opener
  // ("在吗", "如何保修") says nothing against the complaint that follows it.
  const prev = has ? clip(logit(p0[0]!), 0, 8) / 4 : 0;
  // The conversation so far: a follow-up line belongs to a complaint raised a few lines up too.
  const prev2 = p0.length > 1 ? clip(logit(Math.max(...p0)), 0, 8) / 4 : prev;
  const short = s.line.length <= 8 ? 1 : 0;
  // A plain array, as lineVector's.
  let out: number[];
  if (into) {
    out = into;
    for (let i = 0; i < line.length; i++) out[i] = line[i]!;
  } else out = line.concat(CONTEXT_ZEROS);
  let k = line.length;
  out[k++] = has;
  out[k++] = prev;
  out[k++] = prev2;
  out[k++] = prev * short;
  out[k++] = s.line.details ? prev : 0;
  out[k++] = s.line.ack ? prev : 0;
  out[k++] = s.line.question ? prev : 0;
  out[k++] = s.agentApology ? 1 : 0;
  out[k++] = s.agentApology ? short : 0;
  // An opening order card counts only when the next line states a complaint, which is not known yet.
  out[k++] = s.line.details && !has ? 1 : 0;
  return out;
}

export const DEPARTMENT_FEATURES = [
  'bayes department log-share',
  'lexicon score',
  'lexicon share',
  'sub-topic term',
  'conversation so far: department (stage 0), weighted by complaint probability and recency',
  'previous line: lexicon',
  'agent line: lexicon',
] as const;

/** What the department heads read of a line: its non-praised clauses when it has praised ones too. */
export const ownerView = (l: LineView): LineView => l.owner ?? l;

/**
 * Whether the line names what went wrong (还不发货, 发票开错了: a sub-topic term in its non-praised clauses), as
 * against a generic escalation (给我退货, 再不处理我就差评了) that takes its owner from the conversation.
 */
export function namesProblem(l: LineView): boolean {
  for (const t of ownerView(l).evidence.terms) if (t.subTopic) return true;
  return false;
}

/** Stage 0 department inputs, one vector per department (taxonomy order). */
export function lineDepartmentVectors(line: LineView): number[][] {
  const l = ownerView(line);
  const D = l.lex.length;
  let lexTotal = 0;
  for (const v of l.lex) lexTotal += v;
  const out: number[][] = [];
  for (let i = 0; i < D; i++) {
    // A department the Bayes model never saw (a taxonomy may add one) gets a neutral, uniform share.
    const nb = Number.isNaN(l.nbDept[i]!) ? -Math.log(D) : clip(l.nbDept[i]!, -15, 0);
    // A plain array, in the order of DEPARTMENT_FEATURES: cheaper to make than a typed array, and this runs for
    // every line and department. The conversation's inputs stay 0 here; departmentVectors fills them in.
    const v = new Array<number>(DEPARTMENT_FEATURES.length).fill(0);
    v[0] = nb / 5;
    v[1] = Math.min(l.lex[i]!, 6) / 3;
    v[2] = lexTotal > 0 ? l.lex[i]! / lexTotal : 0;
    v[3] = l.sub[i]!;
    out.push(v);
  }
  return out;
}

/**
 * How much the earlier customer line `k` (0 = the most recent) weighs in the conversation's judgement: its
 * stage-0 P(complaint), decayed by recency. A line that names what went wrong (namesProblem: 还不发货, 发票开错了)
 * says more about the conversation's owner than a generic escalation after it (你们到底能不能解决).
 */
export function conversationWeight(p0: number, k: number, named: boolean): number {
  return p0 * 0.7 ** k * (named ? 1 : 0.3);
}

/**
 * The department the conversation's complaint is about: stage-0 department probabilities of the earlier
 * customer lines (most recent first), weighted by their stage-0 P(complaint) and by recency, scaled by the
 * strongest of those P(complaint). A generic follow-up ("再不处理我就给差评了", "无语") takes it. `topic`
 * (Signals.topic) is stage 0's reading of the line the conversation is about, when the recent lines name nothing.
 */
export function conversationDepartment(
  p0: readonly number[],
  dept0: readonly ArrayLike<number>[],
  departments: number,
  named?: readonly boolean[],
  topic?: { complaint: number; departments: ArrayLike<number> },
): Float64Array {
  const out = new Float64Array(departments);
  let total = 0;
  let strongest = 0;
  const n = p0.length + (topic ? 1 : 0);
  for (let k = 0; k < n; k++) {
    // The topic weighs as a most recent line that names the problem: it is what the conversation is about.
    const p = k < p0.length ? p0[k]! : topic!.complaint;
    const w = k < p0.length ? conversationWeight(p, k, !named || named[k]!) : conversationWeight(p, 0, true);
    const dept = k < p0.length ? dept0[k]! : topic!.departments;
    total += w;
    strongest = Math.max(strongest, p);
    for (let i = 0; i < departments; i++) out[i]! += w * dept[i]!;
  }
  if (total > 0) for (let i = 0; i < departments; i++) out[i] = (out[i]! / total) * strongest;
  return out;
}

/**
 * What stage 0 says about the earlier customer lines — P(complaint) of each and the conversation's department —
 * memoized on their (cached) views. Training and classification both read context this way: the classifier
 * through its two halves, as it needs the department only for a line that is a complaint.
 */
export function conversationOf(s: Signals, line: SparseBinary, lineDepartment: SparseSoftmax, departments: number): { p0: number[]; conversation: Float64Array } {
  const p0 = previousComplaint(s, line);
  return { p0, conversation: previousDepartment(s, p0, lineDepartment, departments) };
}

/** Stage 0's P(complaint) of each earlier customer line (most recent first), memoized on its view. */
export function previousComplaint(s: Signals, line: SparseBinary): number[] {
  const p0: number[] = [];
  for (const v of s.previous) p0.push(stage0Complaint(v, line));
  // Memoized for previousDepartment, which reads the topic's as well.
  if (s.topic) stage0Complaint(s.topic, line);
  return p0;
}

/** Stage 0's P(complaint) of an earlier customer line, memoized on its view. */
function stage0Complaint(v: LineView, line: SparseBinary): number {
  v.stage0 ??= { complaint: line.predictOfCollected(collectView(v, line.index), lineVector(v)), departments: undefined };
  return v.stage0.complaint;
}

/** Stage 0's department probabilities of an earlier customer line (its non-praised clauses). */
function stage0Departments(v: LineView, lineDepartment: SparseSoftmax, departments: number): Float64Array {
  return lineDepartment.predictOfCollected(collectView(ownerView(v), lineDepartment.index), lineDepartmentVectors(v), new Float64Array(departments));
}

/**
 * The conversation's department (conversationDepartment) from stage 0's department probabilities of the earlier
 * customer lines, memoized on their views; `p0` = previousComplaint(s, …), which made their stage-0 memos.
 */
export function previousDepartment(s: Signals, p0: readonly number[], lineDepartment: SparseSoftmax, departments: number): Float64Array {
  const dept0: Float64Array[] = [];
  const named: boolean[] = [];
  for (const v of s.previous) {
    const stage0 = v.stage0!;
    stage0.departments ??= stage0Departments(v, lineDepartment, departments);
    dept0.push(stage0.departments);
    named.push(namesProblem(v));
  }
  const t = s.topic;
  const topic = t?.stage0 ? { complaint: t.stage0.complaint, departments: (t.stage0.departments ??= stage0Departments(t, lineDepartment, departments)) } : undefined;
  return conversationDepartment(p0, dept0, departments, named, topic);
}

/** Stage 1 department inputs: stage 0's plus the conversation (`conversationDepartment`). */
export function departmentVectors(s: Signals, conversation?: ArrayLike<number>): number[][] {
  const out = lineDepartmentVectors(s.line);
  const prev = s.previous[0];
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    v[4] = conversation ? conversation[i]! : 0;
    v[5] = prev ? Math.min(prev.lex[i]!, 6) / 3 : 0;
    v[6] = s.agent ? Math.min(s.agent.lex[i]!, 6) / 3 : 0;
  }
  return out;
}

const PREVIOUS_SALT = 0x5bd1e995;
const AGENT_SALT = 0x27d4eb2f;

/** Sparse inputs of stage 1: the line's own, plus the lexicon hits of the previous customer line and of the agent's last line, salted so they are features of their own. */
export function contextSparse(s: Signals): readonly number[] {
  return withContextLexicon(s, s.line.sparse);
}

/** Sparse inputs of the stage-1 department head: as contextSparse, with the line's non-praised clauses only. */
export function departmentSparse(s: Signals): readonly number[] {
  const own = ownerView(s.line);
  return withContextLexicon(s, routedByConversation(s) ? own.lexicon : own.sparse);
}

/**
 * 再不处理我就差评了, 你们到底能不能解决, 给我退货: a line that names no problem (namesProblem), said in a
 * conversation, is routed by the conversation; its words (差评, 投诉, 退货) say nothing about which department,
 * so the department head reads only its lexicon hits.
 */
function routedByConversation(s: Signals): boolean {
  return !namesProblem(ownerView(s.line)) && s.previous.length > 0;
}

function withContextLexicon(s: Signals, own: readonly number[]): readonly number[] {
  const prev = s.previous[0]?.lexicon ?? NONE;
  const agent = s.agent?.lexicon ?? NONE;
  // Most lines have no lexicon hits around them: their own features, not a copy.
  if (prev.length === 0 && agent.length === 0) return own;
  const out = own.slice();
  for (const f of prev) out.push((f ^ PREVIOUS_SALT) >>> 0);
  for (const f of agent) out.push((f ^ AGENT_SALT) >>> 0);
  return out;
}

const NONE: readonly number[] = [];

/**
 * Collects into `index` the rows of the view's sparse features: those the view looked up when it was made if
 * it was made for this index, else looks them up. Returns how many features (for the heads' length scaling).
 */
export function collectView(v: LineView, index: FeatureIndex): number {
  index.start();
  addOwnRows(index, v, 0, v.sparse.length);
  return v.sparse.length;
}

/** contextSparse(s), collected into `index` (as collectView): its rows, without building it. */
export function collectContext(s: Signals, index: FeatureIndex): number {
  return collectView(s.line, index) + addContextLexicon(s, index);
}

/** departmentSparse(s), collected into `index` (as collectView): its rows, without building it. */
export function collectDepartment(s: Signals, index: FeatureIndex): number {
  const own = ownerView(s.line);
  index.start();
  // The lexicon hits are the end of the sparse features.
  const from = routedByConversation(s) ? own.sparse.length - own.lexicon.length : 0;
  addOwnRows(index, own, from, own.sparse.length);
  return own.sparse.length - from + addContextLexicon(s, index);
}

function addOwnRows(index: FeatureIndex, v: LineView, from: number, to: number): void {
  if (v.rowsIndex === index) index.addRows(v.rows, from, to);
  else index.addFeatures(from === 0 && to === v.sparse.length ? v.sparse : v.sparse.slice(from, to));
}

/** The salted lexicon hits of the previous customer line and of the agent's last line (withContextLexicon), added to `index`'s collection; returns how many. */
function addContextLexicon(s: Signals, index: FeatureIndex): number {
  const prev = s.previous[0]?.lexicon ?? NONE;
  const agent = s.agent?.lexicon ?? NONE;
  index.addFeatures(prev, PREVIOUS_SALT);
  index.addFeatures(agent, AGENT_SALT);
  return prev.length + agent.length;
}
