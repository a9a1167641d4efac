import type { Annotations } from '../../src/model/index.js';
import type { GoldItem } from './gold.js';

/** Precision/recall counts. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface AnnotationScores {
  quotes: Counts;
  speakerRight: number;
  speakerTotal: number;
  entities: Map<string, Counts>;
  aliasRight: number;
  aliasTotal: number;
  termsWronglyQuoted: number;
  termsTotal: number;
  misses: string[];
}

export const prf = (c: Counts): { p: number; r: number; f: number } => {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

/** Quote spans match exactly; entities match on span and type. Speaker and alias accuracy are over matched items. */
export function scoreItem(gold: GoldItem, got: Annotations, s: AnnotationScores): void {
  const speech = got.quotes.filter((q) => q.kind === 'speech');
  for (const g of gold.quotes) {
    const hit = speech.find((q) => q.start === g.start && q.end === g.end);
    if (!hit) {
      s.quotes.fn += 1;
      s.misses.push(`${gold.id}: missed quote 「${g.text}」`);
      continue;
    }
    s.quotes.tp += 1;
    s.speakerTotal += 1;
    if (hit.canonical === g.speaker) s.speakerRight += 1;
    else
      s.misses.push(
        `${gold.id}: speaker ${hit.canonical ?? 'null'} ≠ ${g.speaker ?? 'null'} for 「${g.text}」`,
      );
  }
  for (const q of speech) {
    if (gold.quotes.some((g) => g.start === q.start && g.end === q.end)) continue;
    s.quotes.fp += 1;
    s.misses.push(`${gold.id}: extra quote 「${q.text}」`);
  }
  for (const t of gold.terms) {
    s.termsTotal += 1;
    if (speech.some((q) => q.text === t)) s.termsWronglyQuoted += 1;
  }
  scoreEntities(gold, got, s);
}

function scoreEntities(gold: GoldItem, got: Annotations, s: AnnotationScores): void {
  const counts = (type: string): Counts => {
    const c = s.entities.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    s.entities.set(type, c);
    return c;
  };
  for (const g of gold.entities) {
    const hit = got.entities.find(
      (e) => e.start === g.start && e.end === g.end && e.type === g.type,
    );
    if (!hit) {
      counts(g.type).fn += 1;
      s.misses.push(`${gold.id}: missed ${g.type} ${g.surface}`);
      continue;
    }
    counts(g.type).tp += 1;
    s.aliasTotal += 1;
    if (hit.canonical === g.canonical) s.aliasRight += 1;
    else s.misses.push(`${gold.id}: canonical ${hit.canonical} ≠ ${g.canonical}`);
  }
  for (const e of got.entities) {
    if (gold.entities.some((g) => g.start === e.start && g.end === e.end && g.type === e.type))
      continue;
    counts(e.type).fp += 1;
    s.misses.push(`${gold.id}: extra ${e.type} ${e.surface}`);
  }
}

export function emptyScores(): AnnotationScores {
  return {
    quotes: { tp: 0, fp: 0, fn: 0 },
    speakerRight: 0,
    speakerTotal: 0,
    entities: new Map(),
    aliasRight: 0,
    aliasTotal: 0,
    termsWronglyQuoted: 0,
    termsTotal: 0,
    misses: [],
  };
}
