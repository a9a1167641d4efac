import type { SparseVector } from '../features/sparse.js';
import {
  rawScores,
  sigmoid,
  widenTable,
  withExtraTag,
  zeroWeights,
  type LinearWeights,
} from './linear.js';

/** How the one-vs-rest logistic regressions are fitted. */
export interface FitOptions {
  /** AdaGrad's base step. */
  learningRate: number;
  /** L2 penalty, applied to the weights an example touches. */
  l2: number;
}

// A tag whose probability is already within this of its target gains nothing from the step;
// skipping it saves most of the work once the model fits.
const NEGLIGIBLE_GRADIENT = 1e-3;

/**
 * Logistic regression for every tag at once, one example at a time, with AdaGrad's
 * per-feature step sizes: a rare bigram learns fast from its few examples, a common one
 * slowly. Streaming, so training on an archive of any size holds one example at a time.
 *
 * @example
 * const fit = new AdaGradFitter(2 ** 18, tags.length, options);
 * for (const ex of examples) fit.step(ex.vector, ex.targets);
 * const weights = fit.weights;
 */
export class AdaGradFitter {
  weights: LinearWeights;
  private squares: Float32Array;
  private biasSquares: Float64Array;

  constructor(
    buckets: number,
    tags: number,
    private readonly options: FitOptions,
  ) {
    this.weights = zeroWeights(buckets, tags);
    this.squares = new Float32Array(buckets * tags);
    this.biasSquares = new Float64Array(tags);
  }

  /**
   * Learns from one example (`targets[t]` is 1 when it carries tag t) and returns its raw
   * scores from before the step: out-of-sample scores, for calibrating on a single pass.
   */
  step(x: SparseVector, targets: Uint8Array, weight = 1): Float64Array {
    const w = this.weights;
    const T = w.tags;
    const scores = rawScores(w, x);
    const grad = new Float64Array(T);
    for (let t = 0; t < T; t += 1) {
      grad[t] = (sigmoid(scores[t] as number) - (targets[t] as number)) * weight;
      this.stepBias(t, grad[t] as number);
    }
    const { learningRate: eta, l2 } = this.options;
    for (let i = 0; i < x.idx.length; i += 1) {
      const base = (x.idx[i] as number) * T;
      const v = x.val[i] as number;
      for (let t = 0; t < T; t += 1) {
        const g = grad[t] as number;
        if (g < NEGLIGIBLE_GRADIENT && g > -NEGLIGIBLE_GRADIENT) continue;
        const k = base + t;
        const wk = w.weights[k] as number;
        const gk = g * v + l2 * wk;
        if (gk === 0) continue; // a zero-valued feature at zero weight: nothing to learn
        const sq = (this.squares[k] as number) + gk * gk;
        this.squares[k] = sq;
        w.weights[k] = wk - (eta * gk) / Math.sqrt(sq);
      }
    }
    return scores;
  }

  /** Makes room for one more tag, for a label first met in a stream. */
  addTag(): void {
    this.squares = widenTable(this.squares, this.weights.buckets, this.weights.tags);
    this.biasSquares = Float64Array.from([...this.biasSquares, 0]);
    this.weights = withExtraTag(this.weights);
  }

  private stepBias(t: number, g: number): void {
    if (g === 0) return;
    const sq = (this.biasSquares[t] as number) + g * g;
    this.biasSquares[t] = sq;
    this.weights.bias[t] =
      (this.weights.bias[t] as number) - (this.options.learningRate * g) / Math.sqrt(sq);
  }
}
