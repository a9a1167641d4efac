/** Paste: any text becomes a plain entry. */
export { extractPaste } from './extract-paste.js';
