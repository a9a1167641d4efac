/** Post embeds: X/Twitter embed HTML, bare status URLs, oEmbed JSON. */
export { extractEmbeds, bareStatusEntry } from './extract-embeds.js';
export { extractOembed, oembedUrl } from './oembed.js';
export { postEntryFromEmbed } from './post-from-embed.js';
export { analysePostText, dateFromStatusId } from './post-text.js';
