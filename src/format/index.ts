/** Formats: the clip document (lossless parse/render) and byte decoding at the edges. */
export * from './clip/index.js';
export * from './decode.js';
