/** Telegram Desktop channel exports (`result.json`). */
export { extractTelegram, flattenTelegramText, type TelegramOptions } from './extract-telegram.js';
export { scanArrayObjects, type ScannedElement } from './json-salvage.js';
