/** Japanese text utilities shared by the layers above: normalisation for matching. */
export * from './normalise.js';
