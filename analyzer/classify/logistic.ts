/**
 * Small logistic models for the combiner: a binary one (is it a complaint?) and a softmax over classes with
 * weights shared across classes plus a bias per class (which department?). Full-batch Adam with L2; the
 * inputs are a few dozen dense features, so training takes milliseconds and is deterministic.
 */

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export interface BinaryModel {
  weights: number[];
  bias: number;
}

export function predictBinary(m: BinaryModel, x: ArrayLike<number>): number {
  let z = m.bias;
  for (let i = 0; i < m.weights.length; i++) z += m.weights[i]! * x[i]!;
  return sigmoid(z);
}

interface TrainOptions {
  l2?: number;
  iterations?: number;
  rate?: number;
  /** Per-example weights (e.g. to balance sources). */
  sampleWeights?: readonly number[];
}

class Adam {
  readonly m: Float64Array;
  readonly v: Float64Array;
  t = 0;
  constructor(n: number, readonly rate: number) {
    this.m = new Float64Array(n);
    this.v = new Float64Array(n);
  }
  step(params: Float64Array, grad: Float64Array): void {
    this.t++;
    const b1 = 0.9, b2 = 0.999, eps = 1e-8;
    for (let i = 0; i < params.length; i++) {
      this.m[i] = b1 * this.m[i]! + (1 - b1) * grad[i]!;
      this.v[i] = b2 * this.v[i]! + (1 - b2) * grad[i]! * grad[i]!;
      const mh = this.m[i]! / (1 - b1 ** this.t);
      const vh = this.v[i]! / (1 - b2 ** this.t);
      params[i]! -= (this.rate * mh) / (Math.sqrt(vh) + eps);
    }
  }
}

export function trainBinary(X: readonly ArrayLike<number>[], y: readonly number[], options: TrainOptions = {}): BinaryModel {
  const d = X[0]?.length ?? 0;
  const l2 = options.l2 ?? 1e-3;
  const params = new Float64Array(d + 1); // weights…, bias
  const grad = new Float64Array(d + 1);
  const opt = new Adam(d + 1, options.rate ?? 0.05);
  const sw = options.sampleWeights;
  const total = sw ? sw.reduce((a, b) => a + b, 0) : X.length;
  for (let it = 0; it < (options.iterations ?? 600); it++) {
    grad.fill(0);
    for (let n = 0; n < X.length; n++) {
      const x = X[n]!;
      let z = params[d]!;
      for (let i = 0; i < d; i++) z += params[i]! * x[i]!;
      const g = (sigmoid(z) - y[n]!) * (sw ? sw[n]! : 1);
      for (let i = 0; i < d; i++) grad[i]! += g * x[i]!;
      grad[d]! += g;
    }
    for (let i = 0; i < d; i++) grad[i] = grad[i]! / total + l2 * params[i]!;
    grad[d] = grad[d]! / total;
    opt.step(params, grad);
  }
  return { weights: Array.from(params.subarray(0, d)), bias: params[d]! };
}

export interface SharedSoftmaxModel {
  /** Shared weights over the per-class feature vectors. */
  weights: number[];
  /** Bias per class. */
  biases: number[];
}

export interface SoftmaxItem {
  /** One feature vector per class. */
  perClass: readonly ArrayLike<number>[];
  /** Index of the right class. */
  target: number;
  /** Other acceptable classes: the loss is taken against the best acceptable one's share (soft target). */
  acceptable?: readonly number[];
}

export function softmaxScores(m: SharedSoftmaxModel, perClass: readonly ArrayLike<number>[], out: Float64Array): Float64Array {
  const K = perClass.length;
  let max = -Infinity;
  for (let k = 0; k < K; k++) {
    let z = m.biases[k] ?? 0;
    const x = perClass[k]!;
    for (let i = 0; i < m.weights.length; i++) z += m.weights[i]! * x[i]!;
    out[k] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let k = 0; k < K; k++) {
    out[k] = Math.exp(out[k]! - max);
    sum += out[k]!;
  }
  for (let k = 0; k < K; k++) out[k]! /= sum;
  return out;
}

export function trainSharedSoftmax(items: readonly SoftmaxItem[], classes: number, options: TrainOptions = {}): SharedSoftmaxModel {
  const d = items[0]?.perClass[0]?.length ?? 0;
  const l2 = options.l2 ?? 1e-3;
  const params = new Float64Array(d + classes);
  const grad = new Float64Array(d + classes);
  const opt = new Adam(d + classes, options.rate ?? 0.05);
  const probs = new Float64Array(classes);
  const model = (): SharedSoftmaxModel => ({ weights: Array.from(params.subarray(0, d)), biases: Array.from(params.subarray(d)) });
  const sw = options.sampleWeights;
  const total = sw ? sw.reduce((a, b) => a + b, 0) : items.length;
  for (let it = 0; it < (options.iterations ?? 600); it++) {
    grad.fill(0);
    const m = model();
    items.forEach((item, n) => {
      softmaxScores(m, item.perClass, probs);
      // Target distribution: all mass on the primary, a little on the other acceptable owners.
      const target = new Float64Array(classes);
      const extra = item.acceptable?.filter((k) => k !== item.target) ?? [];
      target[item.target] = extra.length > 0 ? 0.8 : 1;
      for (const k of extra) target[k] = 0.2 / extra.length;
      const w = sw ? sw[n]! : 1;
      for (let k = 0; k < classes; k++) {
        const g = (probs[k]! - target[k]!) * w;
        const x = item.perClass[k]!;
        for (let i = 0; i < d; i++) grad[i]! += g * x[i]!;
        grad[d + k]! += g;
      }
    });
    for (let i = 0; i < d; i++) grad[i] = grad[i]! / total + l2 * params[i]!;
    for (let k = 0; k < classes; k++) grad[d + k] = grad[d + k]! / total + l2 * params[d + k]!;
    opt.step(params, grad);
  }
  return model();
}
