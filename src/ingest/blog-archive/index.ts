/** Blog archives: Movable Type (Hatena Blog) exports and WordPress WXR, posts read as clip documents. */
export { extractBlogArchive, type BlogArchiveOptions } from './extract-blog-archive.js';
export { parseMovableType } from './movable-type.js';
export { postText, readPost, type BlogPost } from './post-document.js';
export { elementText, elementTexts, parseWxr } from './wxr.js';
