/**
 * Logistic models over hashed sparse features (presence of character n-grams, words, lexicon hits…) plus a
 * few dense inputs. Trained with AdaGrad and L2, deterministically (a seeded shuffle); stored with only the
 * features kept after training, so the model file stays small.
 *
 *   binary:   P(y) = σ(b + Σ_f w_f + Σ_i v_i x_i)
 *   softmax:  P(k) ∝ exp(b_k + Σ_f w_fk + Σ_i v_i x_ki)     (dense weights v shared across classes)
 */
import { FeatureIndex } from './feature-index.ts';

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export interface SparseBinaryData {
  hashes: number[];
  weights: number[];
  dense: number[];
  bias: number;
  /** Sparse weights of a line with more than this many features are scaled by √(this / count) (none when absent). */
  scaleLength?: number;
}

/**
 * How much a line's sparse weights count: a long review has hundreds of n-grams, and summed at full weight their
 * small leanings drown what it says. Lines up to `scaleLength` features count fully.
 */
export function sparseScale(count: number, scaleLength: number | undefined): number {
  return scaleLength === undefined || count <= scaleLength ? 1 : Math.sqrt(scaleLength / count);
}

export interface SparseSoftmaxData {
  classes: number;
  hashes: number[];
  /** [feature][class] flattened, rounded. */
  weights: number[];
  dense: number[];
  biases: number[];
  scaleLength?: number;
}

export class SparseBinary {
  /** feature hash → row; shared with the classifier's other models when one is given */
  readonly #index: FeatureIndex;
  /** Weight at [row × stride + offset] (0 for a feature the model does not know). */
  readonly #weights: Float32Array;
  readonly #stride: number;
  readonly #offset: number;
  readonly #dense: Float64Array;
  readonly #bias: number;
  readonly #scaleLength: number | undefined;

  /** `shared`: keep the weights in the index's shared table (FeatureIndex.columns). */
  constructor(data: SparseBinaryData, index = new FeatureIndex([data.hashes]), shared = false) {
    this.#scaleLength = data.scaleLength;
    this.#index = index;
    const { table, stride, offset } = index.columns(1, shared);
    this.#weights = table;
    this.#stride = stride;
    this.#offset = offset;
    data.hashes.forEach((h, i) => (table[index.row(h) * stride + offset] = data.weights[i]!));
    this.#dense = Float64Array.from(data.dense);
    this.#bias = data.bias;
  }

  logit(sparse: readonly number[], dense: ArrayLike<number>): number {
    this.#index.collect(sparse);
    return this.logitOfCollected(sparse.length, dense);
  }

  predict(sparse: readonly number[], dense: ArrayLike<number>): number {
    return sigmoid(this.logit(sparse, dense));
  }

  /**
   * The logit of the sparse features whose rows the model's index collected last (FeatureIndex.start and its
   * steps), `length` of them in all (known or not, as `sparse.length` for `logit`).
   */
  logitOfCollected(length: number, dense: ArrayLike<number>): number {
    const n = this.#index.count;
    const rows = this.#index.found;
    const stride = this.#stride;
    const offset = this.#offset;
    let sum = 0;
    for (let k = 0; k < n; k++) sum += this.#weights[rows[k]! * stride + offset]!;
    let z = this.#bias + sum * sparseScale(length, this.#scaleLength);
    for (let i = 0; i < this.#dense.length; i++) z += this.#dense[i]! * dense[i]!;
    return z;
  }

  predictOfCollected(length: number, dense: ArrayLike<number>): number {
    return sigmoid(this.logitOfCollected(length, dense));
  }

  /** The index the model reads its features' rows from. */
  get index(): FeatureIndex {
    return this.#index;
  }
}

export class SparseSoftmax {
  readonly classes: number;
  readonly #index: FeatureIndex;
  /** Weights at [row × stride + offset + class] (0 for a feature the model does not know). */
  readonly #weights: Float32Array;
  readonly #stride: number;
  readonly #offset: number;
  readonly #dense: Float64Array;
  readonly #biases: Float64Array;
  readonly #scaleLength: number | undefined;

  /** `shared`: keep the weights in the index's shared table (FeatureIndex.columns). */
  constructor(data: SparseSoftmaxData, index = new FeatureIndex([data.hashes]), shared = false) {
    this.#scaleLength = data.scaleLength;
    const biases = data.biases;
    const K = (this.classes = biases.length);
    this.#index = index;
    const { table, stride, offset } = index.columns(K, shared);
    this.#weights = table;
    this.#stride = stride;
    this.#offset = offset;
    data.hashes.forEach((h, i) => table.set(data.weights.slice(i * K, (i + 1) * K), index.row(h) * stride + offset));
    this.#dense = Float64Array.from(data.dense);
    this.#biases = Float64Array.from(biases);
  }

  /** Class probabilities into `out`. */
  predict(sparse: readonly number[], dense: readonly ArrayLike<number>[], out: Float64Array): Float64Array {
    this.#index.collect(sparse);
    return this.predictOfCollected(sparse.length, dense, out);
  }

  /** As `predict`, over the rows the model's index collected last, `length` sparse features in all (SparseBinary.logitOfCollected). */
  predictOfCollected(length: number, dense: readonly ArrayLike<number>[], out: Float64Array): Float64Array {
    const K = this.classes;
    for (let k = 0; k < K; k++) {
      let z = this.#biases[k]!;
      const x = dense[k]!;
      for (let i = 0; i < this.#dense.length; i++) z += this.#dense[i]! * x[i]!;
      out[k] = z;
    }
    const n = this.#index.count;
    const rows = this.#index.found;
    const scale = sparseScale(length, this.#scaleLength);
    for (let s = 0; s < n; s++) {
      const at = rows[s]! * this.#stride + this.#offset;
      for (let k = 0; k < K; k++) out[k]! += this.#weights[at + k]! * scale;
    }
    let max = -Infinity;
    for (let k = 0; k < K; k++) if (out[k]! > max) max = out[k]!;
    let sum = 0;
    for (let k = 0; k < K; k++) {
      out[k] = Math.exp(out[k]! - max);
      sum += out[k]!;
    }
    for (let k = 0; k < K; k++) out[k]! /= sum;
    return out;
  }

  /** The index the model reads its features' rows from. */
  get index(): FeatureIndex {
    return this.#index;
  }
}

// --------------------------------------------------------------------------------------------- training

export interface SparseOptions {
  epochs?: number;
  /** L2 strength on sparse weights (per update, on the touched weights). */
  l2?: number;
  /** L2 on the dense weights. */
  l2Dense?: number;
  rate?: number;
  /** Features seen in fewer examples are not learned. */
  minCount?: number;
  /** Weights smaller than this are dropped from the stored model (they change scores by less than it). */
  prune?: number;
  seed?: number;
  /**
   * Trained this many times, each run over its own seeded order of the examples, and the weights averaged. One
   * order's luck moves the real-text figures by about a point; the average does not depend on it.
   */
  runs?: number;
  /** See SparseBinaryData.scaleLength. */
  scaleLength?: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function order(n: number, rand: () => number): number[] {
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx;
}

/** The vocabulary (see `vocabulary`) and each example's distinct features as indices into it. */
function indexed(examples: readonly { sparse: readonly number[] }[], minCount: number): { vocab: Map<number, number>; rows: number[][] } {
  const vocab = vocabulary(examples, minCount);
  const rows = examples.map((e) => [...new Set(e.sparse)].map((f) => vocab.get(f)).filter((i): i is number => i !== undefined));
  return { vocab, rows };
}

/** Adds one run's weights to the mean of `runs` runs being summed in `into`. */
function addMean(into: Float64Array, run: Float64Array, runs: number): void {
  for (let i = 0; i < into.length; i++) into[i]! += run[i]! / runs;
}

/** Feature hash → dense index, for features seen in at least `minCount` examples. */
function vocabulary(examples: readonly { sparse: readonly number[] }[], minCount: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const e of examples) for (const f of new Set(e.sparse)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocab = new Map<number, number>();
  for (const [f, c] of [...counts.entries()].sort((a, b) => a[0] - b[0])) if (c >= minCount) vocab.set(f, vocab.size);
  return vocab;
}

const round = (x: number) => Math.round(x * 1e3) / 1e3;

export interface BinaryExample {
  sparse: readonly number[];
  dense: ArrayLike<number>;
  y: number;
  weight?: number;
}

export function trainSparseBinary(examples: readonly BinaryExample[], options: SparseOptions = {}): SparseBinaryData {
  const { vocab, rows } = indexed(examples, options.minCount ?? 2);
  const D = examples[0]?.dense.length ?? 0;
  const runs = options.runs ?? 1;
  const w = new Float64Array(vocab.size);
  const v = new Float64Array(D);
  let b = 0;
  for (let r = 0; r < runs; r++) {
    const fit = fitBinary(examples, rows, vocab.size, D, options, runSeed(options.seed ?? 7, r));
    addMean(w, fit.w, runs);
    addMean(v, fit.v, runs);
    b += fit.b / runs;
  }
  const hashes: number[] = [];
  const weights: number[] = [];
  for (const [f, i] of vocab) {
    if (Math.abs(w[i]!) < (options.prune ?? 0.05)) continue;
    hashes.push(f);
    weights.push(round(w[i]!));
  }
  return { hashes, weights, dense: Array.from(v, round), bias: round(b), ...(options.scaleLength === undefined ? {} : { scaleLength: options.scaleLength }) };
}

/** The seed of run `r` (run 0 keeps the given seed, so one run trains as before). */
const runSeed = (seed: number, r: number) => (seed + r * 1_000_003) >>> 0;

/** One AdaGrad run of the binary head over `rows` (each example's vocabulary indices). */
function fitBinary(examples: readonly BinaryExample[], rows: readonly number[][], V: number, D: number, options: SparseOptions, seed: number) {
  const epochs = options.epochs ?? 12;
  const l2 = options.l2 ?? 1e-4;
  const l2Dense = options.l2Dense ?? 1e-4;
  const rate = options.rate ?? 0.2;
  const w = new Float64Array(V);
  const gw = new Float64Array(V);
  const v = new Float64Array(D);
  const gv = new Float64Array(D);
  let b = 0;
  let gb = 0;
  const rand = mulberry32(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const n of order(examples.length, rand)) {
      const e = examples[n]!;
      const idx = rows[n]!;
      const scale = sparseScale(e.sparse.length, options.scaleLength);
      let z = 0;
      for (const i of idx) z += w[i]!;
      z = b + z * scale;
      for (let i = 0; i < D; i++) z += v[i]! * e.dense[i]!;
      const g = (sigmoid(z) - e.y) * (e.weight ?? 1);
      for (const i of idx) {
        const gi = g * scale + l2 * w[i]!;
        gw[i]! += gi * gi;
        w[i]! -= (rate * gi) / Math.sqrt(gw[i]! + 1e-8);
      }
      for (let i = 0; i < D; i++) {
        const gi = g * e.dense[i]! + l2Dense * v[i]!;
        gv[i]! += gi * gi;
        v[i]! -= (rate * gi) / Math.sqrt(gv[i]! + 1e-8);
      }
      gb += g * g;
      b -= (rate * g) / Math.sqrt(gb + 1e-8);
    }
  }
  return { w, v, b };
}

export interface SoftmaxExample {
  sparse: readonly number[];
  /** One dense vector per class. */
  dense: readonly ArrayLike<number>[];
  target: number;
  /** Other acceptable classes (soft target: 0.8 on the target, 0.2 shared among these). */
  acceptable?: readonly number[];
  weight?: number;
}

export function trainSparseSoftmax(examples: readonly SoftmaxExample[], classes: number, options: SparseOptions = {}): SparseSoftmaxData {
  const K = classes;
  const { vocab, rows } = indexed(examples, options.minCount ?? 2);
  const D = examples[0]?.dense[0]?.length ?? 0;
  const runs = options.runs ?? 1;
  const w = new Float64Array(vocab.size * K);
  const v = new Float64Array(D);
  const b = new Float64Array(K);
  for (let r = 0; r < runs; r++) {
    const fit = fitSoftmax(examples, rows, vocab.size, K, D, options, runSeed(options.seed ?? 11, r));
    addMean(w, fit.w, runs);
    addMean(v, fit.v, runs);
    addMean(b, fit.b, runs);
  }
  const hashes: number[] = [];
  const weights: number[] = [];
  for (const [f, i] of vocab) {
    let keep = false;
    for (let k = 0; k < K; k++) if (Math.abs(w[i * K + k]!) >= (options.prune ?? 0.05)) keep = true;
    if (!keep) continue;
    hashes.push(f);
    for (let k = 0; k < K; k++) weights.push(round(w[i * K + k]!));
  }
  return { classes: K, hashes, weights, dense: Array.from(v, round), biases: Array.from(b, round), ...(options.scaleLength === undefined ? {} : { scaleLength: options.scaleLength }) };
}

/** One AdaGrad run of the softmax head over `rows` (each example's vocabulary indices). */
function fitSoftmax(examples: readonly SoftmaxExample[], rows: readonly number[][], V: number, K: number, D: number, options: SparseOptions, seed: number) {
  const epochs = options.epochs ?? 12;
  const l2 = options.l2 ?? 1e-4;
  const l2Dense = options.l2Dense ?? 1e-4;
  const rate = options.rate ?? 0.2;
  const w = new Float64Array(V * K);
  const gw = new Float64Array(V * K);
  const v = new Float64Array(D);
  const gv = new Float64Array(D);
  const b = new Float64Array(K);
  const gb = new Float64Array(K);
  const z = new Float64Array(K);
  const target = new Float64Array(K);
  const rand = mulberry32(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const n of order(examples.length, rand)) {
      const e = examples[n]!;
      const idx = rows[n]!;
      const scale = sparseScale(e.sparse.length, options.scaleLength);
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (const i of idx) s += w[i * K + k]!;
        s = b[k]! + s * scale;
        const x = e.dense[k]!;
        for (let d = 0; d < D; d++) s += v[d]! * x[d]!;
        z[k] = s;
        if (s > max) max = s;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp(z[k]! - max);
        sum += z[k]!;
      }
      target.fill(0);
      const extra = e.acceptable?.filter((k) => k !== e.target) ?? [];
      target[e.target] = extra.length > 0 ? 0.8 : 1;
      for (const k of extra) target[k] = 0.2 / extra.length;
      const weight = e.weight ?? 1;
      const gDense = new Float64Array(D);
      for (let k = 0; k < K; k++) {
        const g = (z[k]! / sum - target[k]!) * weight;
        for (const i of idx) {
          const j = i * K + k;
          const gi = g * scale + l2 * w[j]!;
          gw[j]! += gi * gi;
          w[j]! -= (rate * gi) / Math.sqrt(gw[j]! + 1e-8);
        }
        const x = e.dense[k]!;
        for (let d = 0; d < D; d++) gDense[d]! += g * x[d]!;
        gb[k]! += g * g;
        b[k]! -= (rate * g) / Math.sqrt(gb[k]! + 1e-8);
      }
      for (let d = 0; d < D; d++) {
        const gi = gDense[d]! + l2Dense * v[d]!;
        gv[d]! += gi * gi;
        v[d]! -= (rate * gi) / Math.sqrt(gv[d]! + 1e-8);
      }
    }
  }
  return { w, v, b };
}

/**
 * The same model with its classes in another order; classes it was not trained on get zero sparse weights
 * and the mean bias (a taxonomy may add departments: they are then chosen on their dense inputs).
 */
export function remapClasses(data: SparseSoftmaxData, trained: readonly string[], wanted: readonly string[]): SparseSoftmaxData {
  const K = data.classes;
  const column = wanted.map((c) => trained.indexOf(c));
  const meanBias = data.biases.reduce((a, b) => a + b, 0) / Math.max(1, K);
  const weights: number[] = [];
  for (let i = 0; i < data.hashes.length; i++) for (const c of column) weights.push(c < 0 ? 0 : data.weights[i * K + c]!);
  return { ...data, classes: wanted.length, hashes: data.hashes, weights, dense: data.dense, biases: column.map((c) => (c < 0 ? meanBias : data.biases[c]!)) };
}
