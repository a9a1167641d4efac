/**
 * The static site's pages, each a pure function from data to HTML (or XML, or the search
 * index's bytes); `pipeline/site` reads the archive, decides what changed and writes the files.
 */
export * from './day-page.js';
export * from './index-page.js';
export * from './person-page.js';
export * from './search-index.js';
export * from './search-page.js';
export * from './search-script.js';
export * from './site-entry.js';
export * from './site-lists.js';
export * from './site-page.js';
export * from './site-paths.js';
export * from './site-style.js';
export * from './sitemap.js';
export * from './sitemap-index.js';
export * from './story-page.js';
export * from './tag-page.js';
export * from './week-chart.js';
