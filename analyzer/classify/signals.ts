/**
 * Everything the combiner looks at for one line, computed the same way in training and in use:
 * the Bayes model's view of the line, the lexicon's evidence, the line's shape, and its conversation.
 */
import type { Taxonomy } from '../../schemas/taxonomy.ts';
import { segment } from '../text/segment.ts';
import { BayesModel } from './bayes.ts';
import { canonical, isDetailsOnly, namedFeature, SEED, textFeatures } from './features.ts';
import { Lexicon, type LexiconEvidence } from './lexicon.ts';
import type { ClassifierInput, ContextLine } from './types.ts';

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
}

export interface Signals {
  line: LineView;
  question: boolean;
  agentStyle: boolean;
  details: boolean;
  ack: boolean;
  exclaim: boolean;
  length: number;
  /** The most recent earlier customer line, if any. */
  prevCustomer?: LineView;
  /** Strongest Bayes complaint log-odds over the last two earlier customer lines. */
  ctxComplaint: number;
  /** The last agent line, if any. */
  prevAgent?: LineView;
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
  view(text: string, tokens?: readonly string[]): LineView {
    const canonicalText = canonical(text);
    const features: number[] = [];
    textFeatures(canonicalText, tokens ?? [], features);
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
    // log Σ_dept P(dept) − log P(none)
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
    return { nb, nbComplaint, nbDept, evidence, lex, sub, canonicalText, features };
  }

  /** Views of context lines repeat (each later line of a conversation sees them again): cached by text. */
  #contextView(line: ContextLine): LineView {
    let v = this.#cache.get(line.text);
    if (!v) {
      v = this.view(line.text, segment(line.text));
      if (this.#cache.size >= 4096) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(line.text, v);
    }
    return v;
  }

  read(input: ClassifierInput): Signals {
    const line = this.view(input.text, input.tokens);
    const t = line.canonicalText;
    let prevCustomer: LineView | undefined;
    let prevAgent: LineView | undefined;
    let ctxComplaint = 0;
    let customers = 0;
    const context = input.context ?? [];
    for (let i = context.length - 1; i >= 0 && (customers < 2 || !prevAgent); i--) {
      const c = context[i]!;
      if (c.text.length === 0) continue;
      if (c.role === 'customer' && customers < 2) {
        const v = this.#contextView(c);
        if (customers === 0) {
          prevCustomer = v;
          ctxComplaint = v.nbComplaint;
        } else ctxComplaint = Math.max(ctxComplaint, v.nbComplaint);
        customers++;
      } else if (c.role === 'agent' && !prevAgent) {
        prevAgent = this.#contextView(c);
      }
    }
    const agentText = context.filter((c) => c.role === 'agent').at(-1)?.text ?? '';
    return {
      line,
      question: QUESTION.test(input.text),
      agentStyle: AGENT_STYLE.test(input.text),
      details: isDetailsOnly(t),
      ack: ACK.test(input.text),
      exclaim: EXCLAIM.test(input.text),
      length: input.text.length,
      prevCustomer,
      ctxComplaint: prevCustomer ? ctxComplaint : 0,
      prevAgent,
      agentApology: APOLOGY.test(agentText),
    };
  }
}

const clip = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** Names of the complaint head's inputs, in order (stored in the model file for reference). */
export const COMPLAINT_FEATURES = [
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
  'has earlier customer line',
  'context complaint log-odds',
  'context × short line',
  'context × details line',
  'context × acknowledgement',
  'agent apologised',
  'agent apologised × short line',
  'no evidence at all',
] as const;

export function complaintVector(s: Signals): Float64Array {
  const l = s.line;
  let lexMax = 0;
  for (const v of l.lex) if (v > lexMax) lexMax = v;
  let strong = 0;
  for (const v of l.sub) if (v) strong = 1;
  const nb = clip(l.nbComplaint, -20, 20) / 10;
  const cues = Math.min(l.evidence.cues.length, 3) / 3;
  const short = s.length <= 8 ? 1 : 0;
  const ctx = s.prevCustomer ? clip(s.ctxComplaint, -20, 20) / 10 : 0;
  return Float64Array.from([
    nb,
    Math.min(lexMax, 6) / 3,
    strong,
    cues,
    l.evidence.hedges.length > 0 && l.evidence.cues.length === 0 ? 1 : 0,
    l.evidence.negated.length > 0 ? 1 : 0,
    s.question ? 1 : 0,
    s.agentStyle ? 1 : 0,
    Math.log1p(s.length) / 4,
    s.details ? 1 : 0,
    s.ack ? 1 : 0,
    s.exclaim ? 1 : 0,
    s.question ? nb : 0,
    s.question ? cues : 0,
    s.prevCustomer ? 1 : 0,
    ctx,
    ctx * short,
    s.details ? ctx : 0,
    s.ack ? ctx : 0,
    s.agentApology ? 1 : 0,
    s.agentApology ? short : 0,
    lexMax === 0 && l.evidence.cues.length === 0 ? 1 : 0,
  ]);
}

export const DEPARTMENT_FEATURES = [
  'bayes department log-share',
  'lexicon score',
  'lexicon share',
  'sub-topic term',
  'earlier customer line: bayes share',
  'earlier customer line: lexicon',
  'agent line: lexicon',
] as const;

/** One input vector per department (taxonomy order). */
export function departmentVectors(s: Signals): Float64Array[] {
  const l = s.line;
  const D = l.lex.length;
  let lexTotal = 0;
  for (const v of l.lex) lexTotal += v;
  const out: Float64Array[] = [];
  for (let i = 0; i < D; i++) {
    const nb = Number.isNaN(l.nbDept[i]!) ? -3 : clip(l.nbDept[i]!, -15, 0);
    const prev = s.prevCustomer;
    const prevNb = prev && !Number.isNaN(prev.nbDept[i]!) ? Math.exp(prev.nbDept[i]!) : 0;
    out.push(
      Float64Array.from([
        nb / 5,
        Math.min(l.lex[i]!, 6) / 3,
        lexTotal > 0 ? l.lex[i]! / lexTotal : 0,
        l.sub[i]!,
        prevNb,
        prev ? Math.min(prev.lex[i]!, 6) / 3 : 0,
        s.prevAgent ? Math.min(s.prevAgent.lex[i]!, 6) / 3 : 0,
      ]),
    );
  }
  return out;
}
