/** Feeds: RSS 0.9x/1.0/2.0, Atom, JSON Feed, in any Japanese encoding. */
export { extractFeed, type FeedOptions } from './extract-feed.js';
export { channelOf, type FeedChannel, type FeedItem } from './feed-items.js';
export { salvageFeed, type SalvageOptions } from './salvage.js';
