/**
 * The production classifier: lexicon evidence from the taxonomy combined with a naive Bayes text model
 * trained with `natural`, and the line's conversation, through two calibrated logistic heads:
 *   complaint?   P(complaint) = σ(w · complaint signals)
 *   owner?       P(department) = softmax over departments of (v · department signals + bias)
 * Confidence is P(complaint) × P(primary) for a complaint, 1 − P(complaint) otherwise. Trained by
 * `npm run train` (analyzer/classify/train.ts) into analyzer/classify/model.json.
 */
import { readFileSync } from 'node:fs';
import type { Classification } from '../../schemas/analyzed-message.ts';
import type { Taxonomy } from '../../schemas/taxonomy.ts';
import { partOfSpeech } from '../text/segment.ts';
import { BayesModel, type BayesModelData, hashesByFrequency } from './bayes.ts';
import { FeatureIndex } from './feature-index.ts';
import { GOOD, type LexiconEvidence } from './lexicon.ts';
import { RecentCache } from './recent.ts';
import { unpackModel } from './model-codec.ts';
import { namedFeature, SEED } from './features.ts';
import { remapClasses, SparseBinary, SparseSoftmax, type SparseBinaryData, type SparseSoftmaxData } from './sparse-lr.ts';
import { collectContext, collectDepartment, COMPLAINT_FEATURES, contextVector, conversationWeight, DEPARTMENT_FEATURES, departmentVectors, judgesOnlyUnowned, LINE_FEATURES, type LineView, namesProblem, ownerView, previousComplaint, previousDepartment, SignalReader, type Signals } from './signals.ts';
import type { Classifier, ClassifierInput } from './types.ts';

export const MODEL_FORMAT = 'fankui-classifier/1';
export const DEFAULT_MODEL_PATH = new URL('./model.json', import.meta.url);

export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: string;
  taxonomyVersion: string;
  trainedAt: string;
  /** `real`: lines of the real dev set's tune part among `lines` (absent in model files from before). */
  training: { lines: number; corrections: number; real?: number; corpusHash: string };
  bayes: BayesModelData;
  subTopics: BayesModelData;
  /** Stage 0: the line alone (used on earlier lines of the conversation). */
  line: SparseBinaryData & { features: string[] };
  lineDepartment: SparseSoftmaxData;
  /** Stage 1: the line with its conversation. */
  complaint: SparseBinaryData & { features: string[] };
  department: SparseSoftmaxData & { features: string[]; departments: string[] };
  /** P(complaint) at or above which a line counts. */
  threshold: number;
  /** A department other than the primary is listed when its probability is at least this. */
  secondary: number;
  /**
   * Digest of the classifier's judgements of the held-out corpus lines when it was trained (behaviour.ts), part
   * of `version`: a code change that judges them differently needs a retrain, which names a new version.
   */
  behaviour: string;
}

export function loadModelFile(path: string | URL = DEFAULT_MODEL_PATH): ModelFile {
  const json = unpackModel(JSON.parse(readFileSync(path, 'utf8'))) as ModelFile;
  if (json.format !== MODEL_FORMAT) throw new Error(`${String(path)}: not a ${MODEL_FORMAT} model file`);
  return json;
}

interface CompiledModels {
  bayes: BayesModel;
  subTopics: BayesModel;
  /** The shared index's rows → the sub-topic model's (FeatureIndex.translation): a line's rows, looked up once, serve it too. */
  subTopicRows: Int32Array;
  line: SparseBinary;
  complaint: SparseBinary;
  lineDepartment: SparseSoftmax;
  department: SparseSoftmax;
}

/**
 * jieba's part of speech of the words weighed as evidence (#namesNothing), as looked up: the same for every
 * classifier in the process (a word's tag is jieba's dictionary's, not a model's), so one bounded cache serves
 * them all, and a new classifier (reanalyze, the eval's, the bench's passes) does not look its words up again.
 */
const PARTS_OF_SPEECH = new RecentCache<string>();

/** Compiled models by model file, then by the taxonomy's department ids (the heads' classes follow them). */
const COMPILED = new WeakMap<ModelFile, Map<string, CompiledModels>>();

/**
 * The model file's weights laid out for inference. Built once per loaded model file and department list and
 * shared by every classifier made from them: the models are read-only, and a classifier's own state (its
 * reading of recent lines) lives in its SignalReader.
 */
function compiledModels(model: ModelFile, depts: readonly string[]): CompiledModels {
  let byDepts = COMPILED.get(model);
  if (!byDepts) COMPILED.set(model, (byDepts = new Map()));
  const key = depts.join(',');
  const cached = byDepts.get(key);
  if (cached) return cached;
  checkDenseFeatures(model);
  // One feature index for the main models, with their weights side by side in one table row per feature: the
  // models every line goes through (Bayes, stage 0's two heads, the complaint head: 7 + 1 + 6 + 1 floats) in the
  // row's first 64-byte cache line, the department head's (complaint lines only) right after them, running into the
  // second. Reading a line's features for the first model brings the others' weights too; with the department head
  // in a table of its own, a complaint line paid a cache miss per feature again (about 1 µs of a real chat line's
  // 16–22 on average).
  // Rows are numbered by the Bayes model's document frequency, most frequent first: the features most lines have
  // share the table's first pages and stay in cache. The sub-topic model (38 classes, complaint lines only) keeps
  // its own index, ordered the same way, so its weights are not laid out over rows it does not know. The shared
  // index holds the sub-topic model's features too, so that a line's rows reach all of them through one map: a few
  // are in no other model (in two complaint lines but in fewer than the Bayes model's three), and weigh nothing there.
  const hot = model.bayes.classes.length + 1 + 1 + depts.length;
  const index = new FeatureIndex(
    [hashesByFrequency(model.bayes), model.line.hashes, model.complaint.hashes, model.lineDepartment.hashes, model.department.hashes, model.subTopics.hashes],
    Math.ceil(hot / 16) * 16 + Math.ceil(depts.length / 16) * 16,
  );
  const trained = model.department.departments;
  const subTopics = new BayesModel(model.subTopics, new FeatureIndex([hashesByFrequency(model.subTopics)]));
  const compiled: CompiledModels = {
    bayes: new BayesModel(model.bayes, index, true),
    subTopics,
    subTopicRows: index.translation(subTopics.index),
    line: new SparseBinary(model.line, index, true),
    complaint: new SparseBinary(model.complaint, index, true),
    lineDepartment: new SparseSoftmax(remapClasses(model.lineDepartment, trained, depts), index, true),
    // After the columns above: with up to 7 departments, those fit the row's first 16 floats.
    department: new SparseSoftmax(remapClasses(model.department, trained, depts), index, true),
  };
  byDepts.set(key, compiled);
  return compiled;
}

/**
 * The heads weigh their dense inputs by position: a model trained with another list (an older model file, a
 * model compared with `npm run eval -- --against`) would read each input with another one's weight and judge
 * quietly wrong. It is refused instead.
 */
function checkDenseFeatures(model: ModelFile): void {
  const expected: [string, readonly string[], readonly string[] | undefined][] = [
    ['line', LINE_FEATURES, model.line.features],
    ['complaint', COMPLAINT_FEATURES, model.complaint.features],
    ['department', DEPARTMENT_FEATURES, model.department.features],
  ];
  for (const [head, want, got] of expected) {
    if (got && got.length === want.length && got.every((f, i) => f === want[i])) continue;
    const missing = want.filter((f) => !got?.includes(f));
    const extra = (got ?? []).filter((f) => !want.includes(f));
    throw new Error(
      `model ${model.version}: its ${head} head was trained on other inputs than this code reads` +
        `${missing.length ? ` (new: ${missing.join(', ')})` : ''}${extra.length ? ` (gone: ${extra.join(', ')})` : ''}` +
        `${!missing.length && !extra.length ? ' (another order)' : ''}; retrain it with npm run train`,
    );
  }
}

export class HybridClassifier implements Classifier {
  readonly version: string;
  readonly taxonomyVersion: string;
  readonly #reader: SignalReader;
  readonly #model: ModelFile;
  readonly #subTopics: BayesModel;
  readonly #subTopicRows: Int32Array;
  readonly #bayes: BayesModel;
  readonly #line: SparseBinary;
  readonly #lineDepartment: SparseSoftmax;
  readonly #complaint: SparseBinary;
  readonly #department: SparseSoftmax;
  readonly #probs: Float64Array;
  /** Stage 1's dense inputs of the line being classified (contextVector writes them here). */
  readonly #contextInputs: number[] = new Array<number>(COMPLAINT_FEATURES.length).fill(0);
  /** Taxonomy departments the model was not trained on (routed by their lexicon until retrained). */
  readonly #untrained: number[];
  /** Sub-topic classes of each department, as indices into the sub-topic model. */
  readonly #subClasses = new Map<string, { index: number; id: string }[]>();
  readonly #subScores: Float64Array;
  /** Words of praise (the taxonomy's hedges, 不错, 便宜): never shown as evidence of a complaint. */
  readonly #praise: ReadonlySet<string>;

  constructor(taxonomy: Taxonomy, model: ModelFile) {
    this.#model = model;
    const depts = taxonomy.departments.map((d) => d.id);
    const compiled = compiledModels(model, depts);
    this.#bayes = compiled.bayes;
    this.#subTopics = compiled.subTopics;
    this.#subTopicRows = compiled.subTopicRows;
    this.#reader = new SignalReader(taxonomy, this.#bayes);
    this.taxonomyVersion = taxonomy.version;
    // A taxonomy the model was not trained on still works: its extra departments get the mean bias and
    // are chosen on lexicon evidence; the version says so.
    this.#untrained = depts.flatMap((d, i) => (model.department.departments.includes(d) ? [] : [i]));
    this.#line = compiled.line;
    this.#complaint = compiled.complaint;
    this.#lineDepartment = compiled.lineDepartment;
    this.#department = compiled.department;
    this.#probs = new Float64Array(this.#reader.departments.length);
    this.#subTopics.classes.forEach((c, index) => {
      const [d, id] = c.split('/') as [string, string];
      let list = this.#subClasses.get(d);
      if (!list) this.#subClasses.set(d, (list = []));
      list.push({ index, id });
    });
    this.#subScores = new Float64Array(this.#subTopics.classes.length);
    this.#praise = new Set([...taxonomy.cues.hedge, ...GOOD, '便宜']);
    this.version = taxonomy.version === model.taxonomyVersion ? model.version : `${model.version}+taxonomy-${taxonomy.version}`;
  }

  /**
   * Classifier.readAhead: the views of a stage of lines (SignalReader.readAhead), before they are classified. Built
   * between classifications, a line's view and the heads pushed each other's tables out of the processor's caches:
   * read ahead in stages of 256, pipeline messages took 6 % less time, real chat lines 6 % less alone and 9 % less
   * in conversation.
   */
  readAhead(lines: readonly Pick<ClassifierInput, 'text' | 'tokens'>[]): void {
    this.#reader.readAhead(lines);
  }

  /** Signals for a line (exposed for the evaluation and tests). */
  signals(input: ClassifierInput): Signals {
    return this.#reader.read(input);
  }

  /** What the model learned from (the eval measures real text only on lines outside it). */
  get training(): ModelFile['training'] {
    return this.#model.training;
  }

  classify(input: ClassifierInput): Classification {
    const s = this.#reader.read(input);
    const depts = this.#reader.departments;
    const p0 = previousComplaint(s, this.#line);
    // TAXONOMY.md: "好的", "谢谢" are never counted, whatever came before them; nor a judgement of a book's story.
    const ceiling = s.line.ack ? ACK_CEILING : judgesOnlyUnowned(s.line) ? UNOWNED_CEILING : 1;
    const pComplaint = Math.min(this.#complaint.predictOfCollected(collectContext(s, this.#complaint.index), contextVector(s, p0, this.#contextInputs)), ceiling);
    if (pComplaint < this.#model.threshold) {
      return { complaint: false, department: null, departments: [], confidence: round(1 - pComplaint), subTopic: null, evidence: [], contextEvidence: [] };
    }
    const conversation = previousDepartment(s, p0, this.#lineDepartment, depts.length);
    const probs = this.#department.predictOfCollected(collectDepartment(s, this.#department.index), departmentVectors(s, conversation), this.#probs);
    let best = 0;
    for (let i = 1; i < probs.length; i++) if (probs[i]! > probs[best]!) best = i;
    best = this.#lexiconOverride(s, best, probs);
    const others: number[] = [];
    for (let i = 0; i < probs.length; i++) if (i !== best && probs[i]! >= this.#model.secondary) others.push(i);
    others.sort((a, b) => probs[b]! - probs[a]!);
    const order = [best, ...others];
    const department = depts[best]!;
    const own = lexiconWords(s.line, department);
    return {
      complaint: true,
      department,
      departments: order.map((i) => depts[i]!),
      confidence: round(pComplaint * probs[best]!),
      subTopic: this.#subTopic(s, department),
      evidence: this.#evidence(own, department, input.tokens),
      // A cue (到底, 怎么回事) says the buyer is unhappy, not with what: that the conversation says.
      contextEvidence: namesDepartment(s.line, department) ? [] : contextEvidence(s, department, p0),
    };
  }

  /**
   * A department added by the taxonomy after training has no weights of its own; it takes the line when its
   * sub-topic terms matched and no trained department's lexicon says more. `npm run train` with corpus lines
   * for it replaces this rule with a learned one.
   */
  #lexiconOverride(s: Signals, best: number, probs: Float64Array): number {
    let pick = best;
    for (const i of this.#untrained) {
      const lex = s.line.lex[i]!;
      if (lex >= 2 && s.line.sub[i] && lex > s.line.lex[pick]!) pick = i;
    }
    if (pick !== best) {
      let total = 0;
      for (const v of s.line.lex) total += v;
      probs[pick] = Math.max(probs[pick]!, s.line.lex[pick]! / total);
    }
    return pick;
  }

  #subTopic(s: Signals, department: string): string | null {
    // The sub-topic terms of the line decide; else those of the complaint the line goes on with in the
    // conversation (这都第几天了 after a late dispatch); else the text model. When the terms name two or more
    // sub-topics (包装破了，还少发了一件), the text model picks among those.
    const all = this.#subClasses.get(department) ?? [];
    for (const v of s.topic ? [s.line, ...s.previous, s.topic] : [s.line, ...s.previous]) {
      const named = new Set<string>();
      for (const t of ownerView(v).evidence.terms) if (t.department === department && t.subTopic) named.add(t.subTopic);
      if (named.size === 0) continue;
      const among = named.size > 1 ? all.filter((c) => named.has(c.id)) : [];
      return among.length > 0 ? this.#likeliestSubTopic(s, among) : named.values().next().value!;
    }
    return all.length > 0 ? this.#likeliestSubTopic(s, all) : null;
  }

  /** The sub-topic the text model finds likeliest for the line's owner clauses, among `candidates`. */
  #likeliestSubTopic(s: Signals, candidates: readonly { index: number; id: string }[]): string {
    const v = ownerView(s.line);
    const classes = candidates.map((x) => x.index);
    // The view's text features are the first of its rows, looked up in the shared index (the reader's views all
    // are), which holds all of the sub-topic model's features.
    const scores = this.#subTopics.scoresFairForRows(v.rows, v.features.length, this.#subTopicRows, classes, this.#subScores);
    let best = candidates[0]!;
    for (const c of candidates) if (scores[c.index]! > scores[best.index]!) best = c;
    return best.id;
  }

  /** The line's lexicon words (`lexiconWords`), then the words the Bayes model weighs most towards the owner. */
  #evidence(lexicon: readonly string[], department: string, tokens: readonly string[]): string[] {
    const out = new Set(lexicon);
    const d = this.#bayes.classes.indexOf(department);
    if (out.size < 3 && d >= 0) {
      const ranked: { t: string; w: number }[] = [];
      for (const t of tokens) {
        if (t.length < 2 || t.charCodeAt(0) === 0x5b || !HAN.test(t) || this.#praise.has(t)) continue;
        const w = this.#bayes.logRatio(namedFeature(SEED.word, t), d, 0);
        if (w > 1) ranked.push({ t, w });
      }
      ranked.sort((a, b) => b.w - a.w);
      for (const { t } of ranked) {
        if (out.size >= 4) break;
        // A word inside a lexicon word, or holding one (增值税专用发票 beside 增值税, 发票), would show it twice.
        if (!this.#namesNothing(t) && !lexicon.some((w) => w.includes(t) || t.includes(w))) out.add(t);
      }
    }
    return [...out];
  }

  /**
   * Whether a word the text model weighs says nothing as evidence. Not for the lexicon's cues: jieba tags 黑店 as a
   * place and 为什么 as a pronoun. The part of speech is looked up last, and kept: jieba takes about 1 µs a word.
   */
  #namesNothing(word: string): boolean {
    if (isFunctionWord(word)) return true;
    const tag = PARTS_OF_SPEECH.get(word) ?? PARTS_OF_SPEECH.set(word, partOfSpeech(word));
    return NAMES_NOTHING.has(tag);
  }
}

/**
 * What the lexicon found in a line for the department: its terms (in the clauses that do not only praise), cues
 * and bad judgements, without a word that is part of a longer one found (签收 and 签收了 beside 显示签收).
 */
function lexiconWords(v: LineView, department: string): string[] {
  const found = termsOf(ownerView(v).evidence, department);
  // 又 (again) says the buyer is fed up, not with what: a cue for the model, no word to show.
  for (const c of v.evidence.cues) if (!isFunctionWord(c)) found.add(c);
  for (const c of v.evidence.evaluations) found.add(c);
  return withoutContained(found);
}

/** The department's terms among what the lexicon found. */
function termsOf(e: LexiconEvidence, department: string): Set<string> {
  const terms = new Set<string>();
  for (const t of e.terms) if (t.department === department) terms.add(t.term);
  return terms;
}

/** Whether the line (its clauses that do not only praise) holds a term of the department. */
function namesDepartment(v: LineView, department: string): boolean {
  return ownerView(v).evidence.terms.some((t) => t.department === department);
}

/** The words, without one that is part of a longer one of them. */
function withoutContained(found: ReadonlySet<string>): string[] {
  const words = [...found];
  return words.filter((w) => !words.some((o) => o !== w && o.includes(w)));
}

/**
 * What the conversation said that this line carries on (还可以换吗 after 开了就停, a bare order number after 还没
 * 收到): the department's terms in the earlier customer line that weighs most in the conversation's judgement
 * (conversationWeight; the conversation's topic too), with its cues and bad judgements; else the department's
 * terms in the agent's last line (缺货 in 这边显示缺货了). Empty when neither names anything.
 */
function contextEvidence(s: Signals, department: string, p0: readonly number[]): string[] {
  let pick: LineView | undefined;
  let weight = 0;
  s.previous.forEach((v, k) => {
    if (!namesDepartment(v, department)) return;
    const w = conversationWeight(p0[k]!, k, namesProblem(v));
    if (w > weight) {
      weight = w;
      pick = v;
    }
  });
  // The line the conversation is about (Signals.topic) weighs as the most recent one that names the problem.
  const t = s.topic;
  if (t?.stage0 && namesDepartment(t, department) && conversationWeight(t.stage0.complaint, 0, true) > weight) pick = t;
  if (pick) return lexiconWords(pick, department).slice(0, 4);
  return s.agent ? withoutContained(termsOf(s.agent.evidence, department)).slice(0, 4) : [];
}

/**
 * jieba's parts of speech that name nothing a department owns, however the text model weighs the word: place names
 * (济南, 深圳), times (上个月, 凌晨), conjunctions (要么, 否则), pronouns and demonstratives (这边, 别家), directions
 * (上面, 右下角), numerals and measure words (几百块, 厘米), prepositions, particles, interjections and onomatopoeia.
 * Adverbs (d) are not among them: jieba tags 进度, 慢死 and 迟迟 as adverbs too.
 */
const NAMES_NOTHING = new Set(['ns', 't', 'tg', 'c', 'r', 'rr', 'rz', 'f', 'm', 'mq', 'q', 'p', 'o', 'u', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'e', 'y']);
/**
 * The words of other parts of speech that say nothing either: adverbs of degree and manner (有点, 根本, 一直, 特别),
 * discourse words (结果, 其实, 感觉), the verbs a summary reports with (反映, 询问), the order card's field names
 * (金额, 信息) and the plain verbs of any order or request (收到, 下单, 申请, 处理, 显示).
 */
const FUNCTION_WORDS = new Set([
  ...['就是', '还有', '大家', '时候', '时间', '已经', '小时', '段时间', '等到', '心里', '手上', '到手'],
  ...['出来', '起来', '进去', '回去', '回来', '表示', '告诉', '直接', '不了', '不到', '无法', '没法', '能否'],
  ...['有点', '根本', '一直', '实际', '完全', '突然', '只能', '唯一', '全部', '经常', '仍然', '依然', '好像', '容易', '尽快', '又'],
  ...['特别', '比较', '简直', '绝对', '随便', '尤其', '相当', '反正', '偶尔', '尽量', '更好', '似乎', '稍微', '明显', '整体', '总体', '总共'],
  ...['结果', '其实', '居然', '竟然', '真的', '真是', '真心', '感觉', '觉得', '发现', '确定', '应该', '可惜', '肯定', '最好', '样子', '人家'],
  ...['情况', '用户', '反映', '询问', '要求', '建议', '提供', '完成'],
  ...['金额', '信息', '编号', '单子', '商品', '宝贝', '订单', '购买', '买回来', '下单', '收到', '就要', '申请', '处理', '显示'],
]);
/** A number or ordinal with its measure word: 一个, 两次, 好几条, 三天, 第二次, 第三天, 一箱, 一罐. */
const MEASURED = /^(?:第?[一二两三四五六七八九十几半每这那哪]|好几)(?:个多?)?[个次下点些样条张件块位种回遍天月周年股箱罐瓶盒包斤袋台双套颗根支分]$/;
/** A word shown as evidence has Chinese in it: not a placeholder ([组织机构x]), a number or a model name (usb). */
const HAN = /\p{Script=Han}/u;
const isFunctionWord = (t: string) => FUNCTION_WORDS.has(t) || MEASURED.test(t);

/** P(complaint) of an acknowledgement-only line (好的, 谢谢, 好的 [姓名x]): 547 of 548 such real dev lines are not complaints. */
const ACK_CEILING = 0.02;

/**
 * P(complaint) of a line that judges only what no department owns (judgesOnlyUnowned: 内容空洞 作者敷衍, 垃圾书): 141
 * of 151 such real dev lines (tune part) and 116 of 121 corpus lines are not complaints. The text model reads a long
 * negative book review as a product complaint whatever it says (its Bayes log-odds saturate on long lines), and the
 * complaint head's learned weight for 'names only what no department owns' does not outweigh that.
 */
const UNOWNED_CEILING = 0.3;

const round = (x: number) => Math.round(x * 1000) / 1000;
