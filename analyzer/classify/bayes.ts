/**
 * The naive Bayes text model: trained with `natural` (its BayesClassifier counts which features each class
 * has), compiled into flat arrays keyed by feature hash for inference in a few microseconds.
 *
 * Model: Bernoulli presence features without absence terms, Laplace-smoothed:
 *   score(c) = log P(c) + Σ_{f present, known} log((n_fc + α) / (N_c + 2α))
 * Unknown features are ignored rather than penalized.
 */
import { createRequire } from 'node:module';

export interface BayesModelData {
  classes: string[];
  /** log P(class) */
  priors: number[];
  /** Feature hashes, sorted. */
  hashes: number[];
  /** Per feature, per class: documents of the class with the feature (n_fc). Flattened [feature][class]. */
  counts: number[];
  /** Documents per class (N_c). */
  docs: number[];
  alpha: number;
}

export class BayesModel {
  readonly classes: readonly string[];
  readonly #index: Map<number, number>;
  readonly #logp: Float64Array;
  readonly #priors: Float64Array;

  constructor(data: BayesModelData) {
    this.classes = data.classes;
    const C = data.classes.length;
    this.#priors = Float64Array.from(data.priors);
    this.#index = new Map();
    this.#logp = new Float64Array(data.hashes.length * C);
    data.hashes.forEach((h, i) => {
      this.#index.set(h, i * C);
      for (let c = 0; c < C; c++) {
        this.#logp[i * C + c] = Math.log((data.counts[i * C + c]! + data.alpha) / (data.docs[c]! + 2 * data.alpha));
      }
    });
  }

  /** Log scores per class into `out` (length = classes). Duplicate features count once. */
  scores(features: readonly number[], out: Float64Array): Float64Array {
    const C = this.classes.length;
    out.set(this.#priors);
    const seen = new Set<number>();
    for (const f of features) {
      if (seen.has(f)) continue;
      seen.add(f);
      const at = this.#index.get(f);
      if (at === undefined) continue;
      for (let c = 0; c < C; c++) out[c]! += this.#logp[at + c]!;
    }
    return out;
  }

  get size(): number {
    return this.#index.size;
  }
}

/** Softmax of log scores, in place. */
export function softmax(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    scores[i] = Math.exp(scores[i]! - max);
    sum += scores[i]!;
  }
  for (let i = 0; i < scores.length; i++) scores[i]! /= sum;
  return scores;
}

export interface BayesDoc {
  features: readonly number[];
  label: string;
}

/**
 * Trains with natural's BayesClassifier and compiles the result. Features seen in fewer than `minDocs`
 * documents are dropped (they only add noise and size).
 */
export function trainBayes(docs: readonly BayesDoc[], classes: readonly string[], options: { alpha?: number; minDocs?: number } = {}): BayesModelData {
  const alpha = options.alpha ?? 1;
  const minDocs = options.minDocs ?? 2;
  const require = createRequire(import.meta.url);
  // Imported on its own: loading all of `natural` prints dotenv noise and costs start-up time.
  const BayesClassifier = require('natural/lib/natural/classifiers/bayes_classifier.js') as new () => NaturalBayes;
  const classifier = new (class extends BayesClassifier {
    // natural's default builds a dense vector over the whole vocabulary per document; a sparse observation
    // (index → feature) is what its engine also accepts, and is linear in the document.
    textToFeatures(observation: string[]): Record<number, string> {
      const o: Record<number, string> = {};
      observation.forEach((f, i) => (o[i] = f));
      return o;
    }
  })();
  const docsPerClass = new Map<string, number>(classes.map((c) => [c, 0]));
  for (const d of docs) {
    if (!docsPerClass.has(d.label)) throw new Error(`unknown class ${d.label}`);
    const unique = [...new Set(d.features)].map(String);
    if (unique.length === 0) continue;
    classifier.addDocument(unique, d.label);
    docsPerClass.set(d.label, docsPerClass.get(d.label)! + 1);
  }
  classifier.train();
  const classFeatures = classifier.classifier.classFeatures;
  // natural stores n + smoothing (1) for a feature the first time a class sees it.
  const smoothing = classifier.classifier.smoothing;
  const perFeature = new Map<number, number[]>();
  classes.forEach((c, ci) => {
    for (const [key, stored] of Object.entries(classFeatures[c] ?? {})) {
      const h = Number(key);
      let row = perFeature.get(h);
      if (!row) perFeature.set(h, (row = new Array(classes.length).fill(0)));
      row[ci] = stored - smoothing;
    }
  });
  const hashes = [...perFeature.keys()].filter((h) => perFeature.get(h)!.reduce((a, b) => a + b, 0) >= minDocs).sort((a, b) => a - b);
  const counts: number[] = [];
  for (const h of hashes) counts.push(...perFeature.get(h)!);
  const total = docs.length + classes.length;
  return {
    classes: [...classes],
    priors: classes.map((c) => Math.log((docsPerClass.get(c)! + 1) / total)),
    hashes,
    counts,
    docs: classes.map((c) => docsPerClass.get(c)!),
    alpha,
  };
}

interface NaturalBayes {
  addDocument(text: string[], label: string): void;
  train(): void;
  classifier: { classFeatures: Record<string, Record<string, number>>; smoothing: number };
}
