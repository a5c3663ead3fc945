/**
 * Everything the classifier's heads look at for one line, computed the same way in training and in use:
 * the Bayes model's view of the line, the lexicon's evidence, the line's shape, and its conversation.
 *
 * Two stages. Stage 0 judges a line on its own (line vectors). Stage 1 adds the conversation: what stage 0
 * said about the earlier customer lines, and whether the agent apologised or named a department.
 */
import type { Taxonomy } from '../../schemas/taxonomy.ts';
import { segment } from '../text/segment.ts';
import { BayesModel } from './bayes.ts';
import { canonical, isDetailsOnly, namedFeature, SEED, textFeatures } from './features.ts';
import { Lexicon, type LexiconEvidence } from './lexicon.ts';
import type { ClassifierInput } from './types.ts';

export interface LineView {
  /** Bayes log scores per class (classes[0] = 'none'). */
  nb: Float64Array;
  /** log P(complaint) − log P(none) from the Bayes model. */
  nbComplaint: number;
  /** Bayes log-softmax over departments only, in taxonomy order (NaN for departments the model lacks). */
  nbDept: Float64Array;
  evidence: LexiconEvidence;
  /** Lexicon score per department, taxonomy order. */
  lex: Float64Array;
  /** Whether a sub-topic term of the department matched. */
  sub: Uint8Array;
  canonicalText: string;
  features: number[];
  question: boolean;
  agentStyle: boolean;
  details: boolean;
  ack: boolean;
  exclaim: boolean;
  length: number;
}

export interface Signals {
  line: LineView;
  /** Earlier customer lines, most recent first (at most two). */
  previous: LineView[];
  /** The last agent line, if any. */
  agent?: LineView;
  agentApology: boolean;
}

const QUESTION = /[?？]\s*$|[吗嘛么呢][?？!！。~～\s]*$|^(请问|问一下|问下|能不能|可不可以|可以|能否|是否|有没有|怎么|如何|哪里|什么时候|多久)/;
const AGENT_STYLE = /亲亲|^亲[,，!！ ]|您好|为您|帮您|给您|您的|请您|小妹|客官|感谢您|祝您/;
const ACK = /^(好的?|好吧|好哒|好滴|嗯+|哦+|噢+|ok|okay|行|可以|收到|知道了|明白了?|谢谢|谢了|多谢|感谢|辛苦了|没事了?|没有了|没了|拜拜|再见|在吗|在不在|你好|您好|hello|hi|亲|[.。,，!！~～\s])+$/;
const EXCLAIM = /[!！]{2,}|[?？]{2,}|😡|😤|🙄|😠|💢|气死|服了|无语/;
const APOLOGY = /抱歉|不好意思|给您带来|请您谅解|非常理解|理解您的心情|对不起|实在抱歉|深表歉意/;

export class SignalReader {
  readonly lexicon: Lexicon;
  readonly departments: readonly string[];
  readonly #nbDeptIndex: number[];
  readonly #cache = new Map<string, LineView>();

  constructor(
    readonly taxonomy: Taxonomy,
    readonly bayes: BayesModel,
  ) {
    this.lexicon = new Lexicon(taxonomy);
    this.departments = taxonomy.departments.map((d) => d.id);
    this.#nbDeptIndex = this.departments.map((d) => bayes.classes.indexOf(d));
  }

  /** The model's and the lexicon's view of one normalized line. */
  view(text: string, tokens: readonly string[]): LineView {
    const canonicalText = canonical(text);
    const features: number[] = [];
    textFeatures(canonicalText, tokens, features);
    const evidence = this.lexicon.find(text);
    const D = this.departments.length;
    const lex = new Float64Array(D);
    const sub = new Uint8Array(D);
    for (const t of evidence.terms) {
      const i = this.departments.indexOf(t.department);
      if (i < 0) continue;
      lex[i]! += t.weight;
      if (t.subTopic) sub[i] = 1;
      features.push(namedFeature(SEED.lexicon, t.subTopic ? `${t.department}/${t.subTopic}` : t.department));
    }
    if (evidence.cues.length > 0) features.push(namedFeature(SEED.lexicon, 'cue'));
    if (evidence.negated.length > 0) features.push(namedFeature(SEED.lexicon, 'negated'));
    if (evidence.hedges.length > 0) features.push(namedFeature(SEED.lexicon, 'hedge'));
    const nb = this.bayes.scores(features, new Float64Array(this.bayes.classes.length));
    let max = -Infinity;
    for (let c = 1; c < nb.length; c++) if (nb[c]! > max) max = nb[c]!;
    let sum = 0;
    for (let c = 1; c < nb.length; c++) sum += Math.exp(nb[c]! - max);
    const nbComplaint = Math.max(-30, Math.min(30, max + Math.log(sum) - nb[0]!));
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
    return {
      nb,
      nbComplaint,
      nbDept,
      evidence,
      lex,
      sub,
      canonicalText,
      features,
      question: QUESTION.test(text),
      agentStyle: AGENT_STYLE.test(text),
      details: isDetailsOnly(canonicalText),
      ack: ACK.test(text),
      exclaim: EXCLAIM.test(text),
      length: text.length,
    };
  }

  /** Views of context lines repeat (each later line of a conversation sees them again): cached by text. */
  contextView(text: string): LineView {
    return this.#cached(text, () => this.view(text, segment(text)));
  }

  #cached(text: string, make: () => LineView): LineView {
    let v = this.#cache.get(text);
    if (!v) {
      v = make();
      if (this.#cache.size >= 8192) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(text, v);
    }
    return v;
  }

  read(input: ClassifierInput): Signals {
    // Cached: the next line of the conversation will read this one as its context.
    const line = this.#cached(input.text, () => this.view(input.text, input.tokens));
    const previous: LineView[] = [];
    let agent: LineView | undefined;
    let agentText = '';
    const context = input.context ?? [];
    for (let i = context.length - 1; i >= 0 && (previous.length < 2 || !agent); i--) {
      const c = context[i]!;
      if (c.text.length === 0) continue;
      if (c.role === 'customer' && previous.length < 2) previous.push(this.contextView(c.text));
      else if (c.role === 'agent' && !agent) {
        agent = this.contextView(c.text);
        agentText = c.text;
      }
    }
    return { line, previous, agent, agentApology: APOLOGY.test(agentText) };
  }
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
] as const;

export function lineVector(l: LineView): Float64Array {
  let lexMax = 0;
  for (const v of l.lex) if (v > lexMax) lexMax = v;
  let strong = 0;
  for (const v of l.sub) if (v) strong = 1;
  const nb = clip(l.nbComplaint, -20, 20) / 10;
  const cues = Math.min(l.evidence.cues.length, 3) / 3;
  return Float64Array.from([
    nb,
    Math.min(lexMax, 6) / 3,
    strong,
    cues,
    l.evidence.hedges.length > 0 && l.evidence.cues.length === 0 ? 1 : 0,
    l.evidence.negated.length > 0 ? 1 : 0,
    l.question ? 1 : 0,
    l.agentStyle ? 1 : 0,
    Math.log1p(l.length) / 4,
    l.details ? 1 : 0,
    l.ack ? 1 : 0,
    l.exclaim ? 1 : 0,
    l.question ? nb : 0,
    l.question ? cues : 0,
    lexMax === 0 && l.evidence.cues.length === 0 ? 1 : 0,
  ]);
}

/** Stage 1: line inputs plus the conversation. `p0` = stage-0 P(complaint) of the earlier customer lines. */
export const CONTEXT_FEATURES = [
  'has earlier customer line',
  'previous line complaint log-odds',
  'two lines back complaint log-odds',
  'previous × short line',
  'previous × details line',
  'previous × acknowledgement',
  'previous × question',
  'agent apologised',
  'agent apologised × short line',
] as const;

export function contextVector(s: Signals, p0: readonly number[]): Float64Array {
  const line = lineVector(s.line);
  const has = s.previous.length > 0 ? 1 : 0;
  const prev = has ? clip(logit(p0[0]!), -8, 8) / 4 : 0;
  const prev2 = p0.length > 1 ? clip(logit(Math.max(p0[0]!, p0[1]!)), -8, 8) / 4 : prev;
  const short = s.line.length <= 8 ? 1 : 0;
  const out = new Float64Array(line.length + CONTEXT_FEATURES.length);
  out.set(line);
  out.set(
    [
      has,
      prev,
      prev2,
      prev * short,
      s.line.details ? prev : 0,
      s.line.ack ? prev : 0,
      s.line.question ? prev : 0,
      s.agentApology ? 1 : 0,
      s.agentApology ? short : 0,
    ],
    line.length,
  );
  return out;
}

export const DEPARTMENT_FEATURES = [
  'bayes department log-share',
  'lexicon score',
  'lexicon share',
  'sub-topic term',
  'previous line: department (stage 0) × its complaint probability',
  'previous line: lexicon',
  'agent line: lexicon',
] as const;

/** Stage 0 department inputs, one vector per department (taxonomy order). */
export function lineDepartmentVectors(l: LineView): Float64Array[] {
  const D = l.lex.length;
  let lexTotal = 0;
  for (const v of l.lex) lexTotal += v;
  const out: Float64Array[] = [];
  for (let i = 0; i < D; i++) {
    const nb = Number.isNaN(l.nbDept[i]!) ? -3 : clip(l.nbDept[i]!, -15, 0);
    out.push(Float64Array.from([nb / 5, Math.min(l.lex[i]!, 6) / 3, lexTotal > 0 ? l.lex[i]! / lexTotal : 0, l.sub[i]!, 0, 0, 0]));
  }
  return out;
}

/**
 * Stage 1 department inputs: stage 0's plus the conversation. `prevDept` = stage-0 department probabilities
 * of the previous customer line, `prevComplaint` its stage-0 P(complaint).
 */
export function departmentVectors(s: Signals, prevDept?: ArrayLike<number>, prevComplaint = 0): Float64Array[] {
  const out = lineDepartmentVectors(s.line);
  const prev = s.previous[0];
  for (let i = 0; i < out.length; i++) {
    const v = out[i]!;
    v[4] = prevDept ? prevDept[i]! * prevComplaint : 0;
    v[5] = prev ? Math.min(prev.lex[i]!, 6) / 3 : 0;
    v[6] = s.agent ? Math.min(s.agent.lex[i]!, 6) / 3 : 0;
  }
  return out;
}

const PREVIOUS_SALT = 0x5bd1e995;
const AGENT_SALT = 0x27d4eb2f;
const lexiconSeed = (v: LineView) => v.features.slice(v.features.length - lexiconCount(v));
function lexiconCount(v: LineView): number {
  // view() appends the lexicon hashes last: one per term, then cue / negated / hedge flags.
  return v.evidence.terms.length + (v.evidence.cues.length > 0 ? 1 : 0) + (v.evidence.negated.length > 0 ? 1 : 0) + (v.evidence.hedges.length > 0 ? 1 : 0);
}

/** Sparse inputs of stage 1: the line's own, plus the lexicon hits of the previous customer line and of the agent's last line, salted so they are features of their own. */
export function contextSparse(s: Signals): number[] {
  const out = s.line.features.slice();
  const prev = s.previous[0];
  if (prev) for (const f of lexiconSeed(prev)) out.push((f ^ PREVIOUS_SALT) >>> 0);
  if (s.agent) for (const f of lexiconSeed(s.agent)) out.push((f ^ AGENT_SALT) >>> 0);
  return out;
}
