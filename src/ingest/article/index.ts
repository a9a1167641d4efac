/** Article pages: main text by Readability, metadata from meta tags and JSON-LD. */
export { extractArticle, type ArticleOptions } from './extract-article.js';
export { articleFromJsonLd, type JsonLdArticle } from './json-ld.js';
export { pageMetadata, type PageMetadata } from './metadata.js';
