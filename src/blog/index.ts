/**
 * The blogs a digest is posted to: Hatena Blog (AtomPub) and WordPress (REST), their
 * credentials, and HTTP with retries. The network edge of publishing; `pipeline/publish-day`
 * renders the day and records where it went.
 */
export * from './atom-entry.js';
export * from './credentials.js';
export { failure, failureOfAnswer, failureOfTrouble } from './failures.js';
export { createHatenaClient } from './hatena-atompub.js';
export { BlogHttp, sameOrigin, unsafeForCredentials } from './http.js';
export type { HttpAnswer, HttpRequest, HttpTrouble } from './http.js';
export * from './retry.js';
export { serverMessage, wordpressError, type WordPressError } from './server-message.js';
export * from './types.js';
export { createWordPressClient, wordpressRestRoot } from './wordpress-rest.js';
