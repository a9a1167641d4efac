/** Formats: the clip document (lossless parse/render), the archive dump and byte decoding at the edges. */
export * from './archive-dump/index.js';
export * from './clip/index.js';
export * from './decode.js';
