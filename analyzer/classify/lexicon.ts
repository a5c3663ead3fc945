import type { Taxonomy } from '../../schemas/taxonomy.ts';
import { Matcher, type Match } from './matcher.ts';

/**
 * Lexicon evidence from the taxonomy: department and sub-topic terms, complaint cues, bad evaluations,
 * negations and hedges,
 * found in one pass. Terms are written in simplified script; the text is normalized (simplified) first, so
 * traditional spellings match too. A problem term right after a negation (没有坏, 不是慢) does not count. A
 * department's broad aspect term (效果, 发货, 客服) after a negation is the opposite: the thing is missing
 * (没什么效果, 没有客服), so it counts, and the negated phrase is a complaint cue.
 */
export type LexiconHit =
  | { kind: 'term'; department: string; subTopic: string | null; weight: number }
  | { kind: 'cue' }
  | { kind: 'evaluation' }
  | { kind: 'negation' }
  | { kind: 'hedge' };

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
}

/** Sub-topic terms are specific (错发, 专票); department terms are broad (发货, 快递). */
const SUBTOPIC_WEIGHT = 2;
const DEPARTMENT_WEIGHT = 1;
/** Negations that say a thing is absent (没有效果), as against 不/不是/别, which refuse or clear it. */
const ABSENCE = new Set(['没', '没有', '并没有', '无']);
/** How many characters may stand between a negation and the term it cancels (不是质量问题, 没有坏). */
const NEGATION_REACH = 2;

export class Lexicon {
  readonly #matcher: Matcher<LexiconHit>;

  constructor(readonly taxonomy: Taxonomy) {
    const entries: [string, LexiconHit][] = [];
    for (const d of taxonomy.departments) {
      for (const term of d.terms) for (const v of variants(term)) entries.push([v, { kind: 'term', department: d.id, subTopic: null, weight: DEPARTMENT_WEIGHT }]);
      for (const s of d.subTopics) {
        for (const term of s.terms) for (const v of variants(term)) entries.push([v, { kind: 'term', department: d.id, subTopic: s.id, weight: SUBTOPIC_WEIGHT }]);
      }
    }
    for (const cue of taxonomy.cues.complaint) for (const v of variants(cue)) entries.push([v, { kind: 'cue' }]);
    for (const word of taxonomy.cues.evaluation) for (const v of variants(word)) entries.push([v, { kind: 'evaluation' }]);
    for (const neg of taxonomy.cues.negation) entries.push([neg, { kind: 'negation' }]);
    for (const hedge of taxonomy.cues.hedge) entries.push([hedge, { kind: 'hedge' }]);
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
    const matches = this.#matcher.findAll(text);
    // A negation inside a longer entry (还没发货, 不送上门, 不错) belongs to that entry; only free ones cancel.
    const free: Match<LexiconHit>[] = [];
    for (const n of matches) {
      if (n.value.kind !== 'negation') continue;
      const inside = matches.some((o) => o.value.kind !== 'negation' && o.start <= n.start && o.end >= n.end && o.end - o.start > n.end - n.start);
      if (!inside) free.push(n);
    }
    const negation = (m: Match<LexiconHit>) => free.find((n) => n.end <= m.start && m.start - n.end <= NEGATION_REACH);
    const evidence: LexiconEvidence = { terms: [], negated: [], cues: [], evaluations: [], hedges: [] };
    for (const m of matches) {
      const v = m.value;
      if (v.kind === 'term') {
        const n = negation(m);
        // An aspect is missing (没什么效果) unless the negation clears it of blame (不是质量问题).
        const missing = n !== undefined && ABSENCE.has(n.pattern) && v.subTopic === null && !problemFollows(text, m.end);
        if (n && !missing) evidence.negated.push(m.pattern);
        else {
          evidence.terms.push({ department: v.department, subTopic: v.subTopic, term: m.pattern, weight: v.weight, start: m.start });
          if (missing) evidence.cues.push(text.slice(n.start, m.end));
        }
      } else if (v.kind === 'cue' || v.kind === 'evaluation') {
        if (negation(m)) evidence.negated.push(m.pattern);
        else (v.kind === 'cue' ? evidence.cues : evidence.evaluations).push(m.pattern);
      } else if (v.kind === 'hedge') {
        // 不满意, 不推荐, 不喜欢: the satisfaction word is part of a complaint, not a softener.
        const inside = matches.some((o) => o.value.kind !== 'hedge' && o.value.kind !== 'negation' && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start);
        if (!inside && !negation(m)) evidence.hedges.push(m.pattern);
      }
    }
    return evidence;
  }
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
