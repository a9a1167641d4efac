/** Japanese text utilities shared by the layers above: normalisation for matching. */
export * from './normalise.js';
export * from './quote-match/index.js';
