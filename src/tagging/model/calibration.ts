import { sigmoid } from './linear.js';

/** Platt scaling: a raw score `s` becomes the probability `sigmoid(a * s + b)`. */
export interface Calibration {
  a: number;
  b: number;
}

/** No calibration: raw scores are taken as log-odds. */
export const IDENTITY_CALIBRATION: Calibration = { a: 1, b: 0 };

/** A calibrated probability. */
export function calibrate(c: Calibration, raw: number): number {
  return sigmoid(c.a * raw + c.b);
}

/**
 * Fits Platt scaling to out-of-sample scores and 0/1 labels by Newton's method with a line
 * search (Lin, Lin and Weng, 2007), with Platt's smoothed targets so that a handful of
 * examples cannot give a probability of exactly 0 or 1. Falls back to the identity when there
 * are no positives or no negatives to learn from.
 *
 * @example
 * fitPlatt([-2, -1, 1, 2], [0, 0, 1, 1]); // { a: 1.2…, b: 0 }
 */
export function fitPlatt(allScores: ArrayLike<number>, allLabels: ArrayLike<number>): Calibration {
  const { scores, labels } = thin(allScores, allLabels);
  let pos = 0;
  for (let i = 0; i < labels.length; i += 1) pos += labels[i] ? 1 : 0;
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return IDENTITY_CALIBRATION;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (neg + 2);
  const target = (i: number): number => (labels[i] ? hi : lo);
  let c: Calibration = { a: 1, b: Math.log((pos + 1) / (neg + 1)) };
  let f = loss(scores, target, c);
  for (let it = 0; it < 50; it += 1) {
    const { ga, gb, haa, hab, hbb } = derivatives(scores, target, c);
    // The gradient is a sum over pairs: compare it with their number.
    if (Math.abs(ga) + Math.abs(gb) < 1e-7 * scores.length) break;
    const det = haa * hbb - hab * hab;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(-hab * ga + haa * gb) / det;
    let step = 1;
    let next = { a: c.a + da, b: c.b + db };
    let fNext = loss(scores, target, next);
    while (fNext > f + 1e-4 * step * (ga * da + gb * db) && step > 1e-10) {
      step /= 2;
      next = { a: c.a + step * da, b: c.b + step * db };
      fNext = loss(scores, target, next);
    }
    if (step <= 1e-10) break;
    c = next;
    const converged = f - fNext < 1e-12 * Math.abs(f);
    f = fNext;
    if (converged) break;
  }
  // A negative slope would rank tags backwards; such data says scores are noise.
  return c.a > 0 ? c : IDENTITY_CALIBRATION;
}

// Two parameters need no more pairs than this; more only cost time.
const MAX_PAIRS = 100_000;

/** Every k-th pair, k chosen to keep at most `MAX_PAIRS`: deterministic, spread evenly. */
function thin(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): { scores: number[]; labels: number[] } {
  const k = Math.max(1, Math.ceil(scores.length / MAX_PAIRS));
  const s: number[] = [];
  const l: number[] = [];
  for (let i = 0; i < scores.length; i += k) {
    s.push(scores[i] as number);
    l.push(labels[i] as number);
  }
  return { scores: s, labels: l };
}

function loss(scores: ArrayLike<number>, target: (i: number) => number, c: Calibration): number {
  let f = 0;
  for (let i = 0; i < scores.length; i += 1) {
    const z = c.a * (scores[i] as number) + c.b;
    // Cross-entropy with soft target y: log(1 + e^z) - y z, computed without overflow.
    f += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - target(i) * z;
  }
  return f;
}

function derivatives(scores: ArrayLike<number>, target: (i: number) => number, c: Calibration) {
  let ga = 0;
  let gb = 0;
  // A small ridge keeps the Hessian invertible when the scores are all alike.
  let haa = 1e-12;
  let hab = 0;
  let hbb = 1e-12;
  for (let i = 0; i < scores.length; i += 1) {
    const s = scores[i] as number;
    const p = sigmoid(c.a * s + c.b);
    const d = p - target(i);
    const w = p * (1 - p);
    ga += d * s;
    gb += d;
    haa += w * s * s;
    hab += w * s;
    hbb += w;
  }
  return { ga, gb, haa, hab, hbb };
}
