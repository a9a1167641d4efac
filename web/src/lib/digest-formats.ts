import type { DigestFormat } from '../api/types.js';

const FILES: Record<DigestFormat, { extension: string; mime: string; label: string }> = {
  text: { extension: 'txt', mime: 'text/plain', label: 'テキスト' },
  markdown: { extension: 'md', mime: 'text/markdown', label: 'Markdown' },
  hatena: { extension: 'hatena.txt', mime: 'text/plain', label: 'はてな記法' },
  'hatena-markdown': { extension: 'hatena.md', mime: 'text/markdown', label: 'はてなMarkdown' },
  html: { extension: 'html', mime: 'text/html', label: 'HTML' },
  json: { extension: 'json', mime: 'application/json', label: 'JSON' },
};

/**
 * The file name and MIME type a day's digest downloads as, in a format.
 *
 * @example
 *   digestFile('2024-03-04', 'markdown'); // { name: 'kirinuki-2024-03-04.md', mime: 'text/markdown;charset=utf-8' }
 */
export function digestFile(day: string, format: DigestFormat): { name: string; mime: string } {
  const file = FILES[format];
  return { name: `kirinuki-${day}.${file.extension}`, mime: `${file.mime};charset=utf-8` };
}

/**
 * The tab label of a format.
 *
 * @example
 *   formatLabel('hatena-markdown'); // 'はてなMarkdown'
 */
export function formatLabel(format: DigestFormat): string {
  return FILES[format].label;
}
