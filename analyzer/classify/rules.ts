import type { Classification } from '../../schemas/analyzed-message.ts';
import type { Taxonomy } from '../../schemas/taxonomy.ts';
import { Lexicon, type LexiconEvidence } from './lexicon.ts';
import { NOT_A_COMPLAINT, type Classifier, type ClassifierInput } from './types.ts';

/** Lines this short and without department words of their own take their department from the conversation. */
const SHORT_LINE = 8;

export interface DepartmentScores {
  scores: Map<string, number>;
  subTopics: Map<string, { id: string; weight: number }>;
}

export function departmentScores(evidence: LexiconEvidence, scale = 1, into?: DepartmentScores): DepartmentScores {
  const out = into ?? { scores: new Map(), subTopics: new Map() };
  for (const t of evidence.terms) {
    out.scores.set(t.department, (out.scores.get(t.department) ?? 0) + t.weight * scale);
    if (t.subTopic) {
      const best = out.subTopics.get(t.department);
      if (!best || t.weight * scale > best.weight) out.subTopics.set(t.department, { id: t.subTopic, weight: t.weight * scale });
    }
  }
  return out;
}

/**
 * The lexicon classifier: department words from the taxonomy plus complaint cues, negation and hedging.
 * Transparent and fast; the hybrid classifier (hybrid.ts) uses the same evidence as features.
 */
export class RulesClassifier implements Classifier {
  readonly version = 'rules-1';
  readonly taxonomyVersion: string;
  readonly #lexicon: Lexicon;

  constructor(taxonomy: Taxonomy) {
    this.taxonomyVersion = taxonomy.version;
    this.#lexicon = Lexicon.of(taxonomy);
  }

  classify(input: ClassifierInput): Classification {
    const ev = this.#lexicon.find(input.text);
    const ds = departmentScores(ev);
    if (ds.scores.size === 0 && input.context && input.text.length <= SHORT_LINE && ev.cues.length > 0) {
      // 还没到呢 / 怎么回事: the department comes from what the customer said before.
      for (const line of input.context.slice(-4)) {
        if (line.role === 'customer') departmentScores(this.#lexicon.find(line.text), 0.75, ds);
      }
    }
    let total = 0;
    let strong = false;
    for (const s of ds.scores.values()) total += s;
    for (const t of ev.terms) if (t.weight >= 2) strong = true;
    const cues = ev.cues.length;
    const hedged = ev.hedges.length > 0 && cues === 0;
    if (total < 1.5 || hedged || (!strong && cues === 0)) {
      return total === 0 && cues === 0 ? NOT_A_COMPLAINT : { ...NOT_A_COMPLAINT, confidence: 0.6 };
    }
    const ranked = [...ds.scores.entries()].sort((a, b) => b[1] - a[1]);
    const top = ranked[0]!;
    const departments = ranked.filter(([, s]) => s >= top[1] * 0.5).map(([d]) => d);
    const margin = ranked.length > 1 ? top[1] - ranked[1]![1] : top[1];
    const confidence = Math.min(0.95, 0.55 + 0.08 * cues + 0.05 * margin);
    return {
      complaint: true,
      department: top[0],
      departments,
      confidence: Math.round(confidence * 1000) / 1000,
      subTopic: ds.subTopics.get(top[0])?.id ?? null,
      evidence: [...new Set([...ev.terms.map((t) => t.term), ...ev.cues])],
      contextEvidence: [],
    };
  }
}
