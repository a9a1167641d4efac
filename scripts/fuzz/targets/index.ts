/** Every parser kirinuki reads untrusted or hand-written text with, as a fuzz target. */
import type { FuzzTarget } from '../target.js';
import { articleTarget } from './article-page.js';
import { movableTypeTarget, wxrTarget } from './blog-archive.js';
import { clipTarget } from './clip-document.js';
import { embedTarget } from './embed-html.js';
import { feedTarget } from './feed-xml.js';
import { pasteTarget } from './paste-text.js';
import { queryTarget } from './search-query.js';
import { telegramTarget } from './telegram-json.js';

/** The targets, in the order a run reports them; their shares add up to 1. */
export const FUZZ_TARGETS: readonly FuzzTarget[] = [
  clipTarget,
  embedTarget,
  feedTarget,
  movableTypeTarget,
  wxrTarget,
  telegramTarget,
  pasteTarget,
  articleTarget,
  queryTarget,
];
