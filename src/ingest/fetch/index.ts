/** The fetch edge: safe HTTP, and routing what was fetched to an importer. */
export {
  BlockedAddressError,
  guardedLookup,
  isBlockedAddress,
  type Resolver,
} from './address-policy.js';
export { detectSource, type SourceKind } from './detect-source.js';
export { fetchUrl } from './fetch-url.js';
export { HostRateLimiter, systemClock, type Clock } from './rate-limit.js';
export { decodeContent, readCapped } from './read-body.js';
export type { FetchedResource, FetchFailure, FetchOptions } from './types.js';
