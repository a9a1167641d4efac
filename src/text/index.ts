/**
 * Japanese text utilities shared by the layers above: the character classes, the katakana
 * folding (per unit, for matchers that walk the raw text) and normalisation for matching
 * (whole texts, for the index and queries), which apply the same rules.
 */
export * from './chars.js';
export * from './fold.js';
export * from './normalise.js';
export * from './own-string.js';
export * from './quote-match/index.js';
