/**
 * The naive Bayes text model: trained with `natural` (its BayesClassifier counts which features each class
 * has), compiled into flat arrays keyed by feature hash for inference in a few microseconds.
 *
 * Model: Bernoulli presence features without absence terms, Laplace-smoothed:
 *   score(c) = log P(c) + Σ_{f present, known} log((n_fc + α) / (N_c + 2α))
 * Unknown features are ignored rather than penalized.
 */
import { createRequire } from 'node:module';
import { FeatureIndex } from './feature-index.ts';

export interface BayesModelData {
  classes: string[];
  /** log P(class) */
  priors: number[];
  /** Feature hashes, sorted. */
  hashes: number[];
  /** Non-zero counts as triples (feature index, class index, n_fc = documents of the class with the feature). */
  cells: number[];
  /** Documents per class (N_c). */
  docs: number[];
  alpha: number;
}

export class BayesModel {
  readonly classes: readonly string[];
  /** feature hash → row; shared with the classifier's other models when one is given */
  readonly #index: FeatureIndex;
  /** log P(feature | class) at [row × stride + offset + class]; NaN in a row the model does not know. Float32: half the memory. */
  readonly #logp: Float32Array;
  readonly #stride: number;
  readonly #offset: number;
  readonly #priors: Float64Array;
  /** log P(feature | class) of a feature the class never had (as stored, so comparisons with #logp hold). */
  readonly #unseen: Float32Array;

  /** `shared`: keep the weights in the index's shared table (FeatureIndex.columns). */
  constructor(data: BayesModelData, index = new FeatureIndex([data.hashes]), shared = false) {
    this.classes = data.classes;
    const C = data.classes.length;
    this.#priors = Float64Array.from(data.priors);
    this.#index = index;
    const { table, stride, offset } = index.columns(C, shared);
    this.#logp = table;
    this.#stride = stride;
    this.#offset = offset;
    for (let row = 0; row < index.size; row++) table.fill(NaN, row * stride + offset, row * stride + offset + C);
    this.#unseen = Float32Array.from(data.docs.map((n) => Math.log(data.alpha / (n + 2 * data.alpha))));
    const rows = data.hashes.map((h) => index.row(h));
    for (const row of rows) table.set(this.#unseen, row * stride + offset);
    for (let k = 0; k < data.cells.length; k += 3) {
      const i = data.cells[k]!, c = data.cells[k + 1]!, n = data.cells[k + 2]!;
      table[rows[i]! * stride + offset + c] = Math.log((n + data.alpha) / (data.docs[c]! + 2 * data.alpha));
    }
  }

  /** Log scores per class into `out` (length = classes). Duplicate features count once. */
  scores(features: readonly number[], out: Float64Array): Float64Array {
    return this.#sum(this.#index.collect(features), out);
  }

  /** As `scores`, for the features rows[picks[0…n)] whose rows were looked up before (`index.rowList`): the same sums, no lookups. */
  scoresOfRows(rows: ArrayLike<number>, picks: Int32Array, n: number, out: Float64Array): Float64Array {
    return this.#sum(this.#index.collectRows(rows, picks, n), out);
  }

  /** As `scores`, for the rows of rows[0…n) (-1 = unknown), looked up before in this model's index. */
  scoresOfRowList(rows: readonly number[], n: number, out: Float64Array): Float64Array {
    this.#index.start();
    this.#index.addRows(rows, 0, n);
    return this.#sum(this.#index.count, out);
  }

  /** The index the model reads its features' rows from (shared with the classifier's heads when compiled together). */
  get index(): FeatureIndex {
    return this.#index;
  }

  /** Priors plus the log-likelihoods of the `n` rows the index just found. */
  #sum(n: number, out: Float64Array): Float64Array {
    // The hot path (every line, every clause): all classes, no fairness, so no class list to walk.
    const C = this.classes.length;
    out.set(this.#priors);
    const rows = this.#index.found;
    const logp = this.#logp;
    const stride = this.#stride;
    const offset = this.#offset;
    // The rows lie all over a table far larger than the cache, and reading them is most of this sum's time. A
    // first loop of a few instructions a row reads only each row's first column, so the processor has many of
    // those reads under way at once (in the loop below, the work per row left room for few); the model's other
    // columns follow the first in memory, mostly in the same cache line. The additions are those of the loop below,
    // in the same order: the same sums, bit for bit.
    let first = out[0]!;
    for (let k = 0; k < n; k++) first += logp[rows[k]! * stride + offset]!;
    if (!Number.isNaN(first)) {
      out[0] = first;
      for (let k = 0; k < n; k++) {
        const at = rows[k]! * stride + offset;
        for (let c = 1; c < C; c++) out[c]! += logp[at + c]!;
      }
      return out;
    }
    // A row this model does not know (NaN: a feature only another model sharing the table has) is skipped.
    for (let k = 0; k < n; k++) {
      const at = rows[k]! * stride + offset;
      if (Number.isNaN(logp[at]!)) continue;
      for (let c = 0; c < C; c++) out[c]! += logp[at + c]!;
    }
    return out;
  }

  /** log P(feature | class) − log P(feature | other) for one known feature; 0 when unknown. */
  logRatio(feature: number, cls: number, other: number): number {
    const row = this.#index.row(feature);
    const at = row * this.#stride + this.#offset;
    if (row < 0 || Number.isNaN(this.#logp[at]!)) return 0;
    return this.#logp[at + cls]! - this.#logp[at + other]!;
  }

  /**
   * Log scores for the listed classes only (others are left untouched in `out`), fair to small classes: a
   * feature none of the listed classes had is skipped, and one a class never had costs every class the same
   * (the largest class's unseen value). Plain smoothing (`scores`) makes an unseen feature cost a class with few
   * documents far less, so small classes win lines they never saw. The features are those whose rows in another
   * index are rows[0…n) (-1 = unknown), `map` taking those rows to this model's (FeatureIndex.translation): a line's
   * features looked up once in the classifier's shared index are not looked up again.
   */
  scoresFairForRows(rows: ArrayLike<number>, n: number, map: Int32Array, classes: readonly number[], out: Float64Array): Float64Array {
    this.#index.start();
    this.#index.addMappedRows(rows, n, map);
    return this.#fairSum(this.#index.count, classes, out);
  }

  /** scoresFairForRows's sums over the `n` rows the index just found. */
  #fairSum(n: number, classes: readonly number[], out: Float64Array): Float64Array {
    // Runs for most complaint lines over their 40-odd rows: indexed loops over locals (with a for…of over `classes`
    // and the private fields read in the loops, a call took 3.4 µs with its rows in cache, against 2.4).
    const unseen = this.#unseen;
    const priors = this.#priors;
    const m = classes.length;
    let floor = 0;
    for (let j = 0; j < m; j++) {
      const c = classes[j]!;
      out[c] = priors[c]!;
      if (unseen[c]! < floor) floor = unseen[c]!;
    }
    const rows = this.#index.found;
    const logp = this.#logp;
    const stride = this.#stride;
    const offset = this.#offset;
    for (let k = 0; k < n; k++) {
      const at = rows[k]! * stride + offset;
      if (Number.isNaN(logp[at]!)) continue;
      let j = 0;
      while (j < m && logp[at + classes[j]!] === unseen[classes[j]!]) j++;
      if (j === m) continue;
      for (j = 0; j < m; j++) {
        const c = classes[j]!;
        const x = logp[at + c]!;
        out[c]! += x === unseen[c] ? floor : x;
      }
    }
    return out;
  }
}

/** The model's feature hashes, those in the most training documents first (ties in hash order). */
export function hashesByFrequency(data: BayesModelData): number[] {
  const docs = new Float64Array(data.hashes.length);
  for (let k = 0; k < data.cells.length; k += 3) docs[data.cells[k]!]! += data.cells[k + 2]!;
  const order = data.hashes.map((_, i) => i).sort((a, b) => docs[b]! - docs[a]! || a - b);
  return order.map((i) => data.hashes[i]!);
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
  const cells: number[] = [];
  hashes.forEach((h, i) => perFeature.get(h)!.forEach((n, c) => n > 0 && cells.push(i, c, n)));
  const total = docs.length + classes.length;
  return {
    classes: [...classes],
    priors: classes.map((c) => Math.log((docsPerClass.get(c)! + 1) / total)),
    hashes,
    cells,
    docs: classes.map((c) => docsPerClass.get(c)!),
    alpha,
  };
}

interface NaturalBayes {
  addDocument(text: string[], label: string): void;
  train(): void;
  classifier: { classFeatures: Record<string, Record<string, number>>; smoothing: number };
}
