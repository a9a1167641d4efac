/** The clip document: the curator's daily digest format, parsed and rendered losslessly. */
export { parseAttribution } from './attribution.js';
export { buildPost } from './post.js';
export { looksLikeClipDocument } from './detect.js';
export { entryId } from './entry-id.js';
export { joinLines, splitLines } from './lines.js';
export { parseClipDocument, type ParseOptions, type ParseResult } from './parse-clip-document.js';
export { entryLines, renderClipDocument } from './render-clip-document.js';
export { isTagOnlyLine, parseSummaryLine, renderSummaryLine, tagsOfLine } from './summary-line.js';
