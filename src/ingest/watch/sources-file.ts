import type { Diagnostic } from '../../model/index.js';
import { canonicalUrl, ingestDiagnostic } from '../shared/index.js';

/** A feed to watch. */
export interface WatchSource {
  url: string;
  /** Display name, when the file gives one. */
  name?: string;
}

/**
 * Reads a sources file: one feed per line, its URL, then optionally whitespace and a display
 * name; blank lines and lines starting with `#` are ignored.
 *
 * ```text
 * # 国内
 * https://www3.nhk.or.jp/rss/news/cat0.xml   NHKニュース
 * https://example.jp/feed.atom
 * ```
 *
 * A line that does not start with an http(s) URL is reported with its line number and skipped;
 * a URL listed twice is watched once.
 *
 * @example
 * parseSourcesFile('https://example.jp/rss 例新聞\n', 'sources.txt').sources;
 * // [{ url: 'https://example.jp/rss', name: '例新聞' }]
 */
export function parseSourcesFile(
  text: string,
  file: string,
): { sources: WatchSource[]; diagnostics: Diagnostic[] } {
  const sources: WatchSource[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const [first = '', ...rest] = line.split(/\s+/);
      const url = canonicalUrl(first);
      if (url === null || !/^https?:\/\//i.test(first)) {
        diagnostics.push(
          ingestDiagnostic(file, `"${first}" is not an http(s) URL; line skipped`, { line: i + 1 }),
        );
        return;
      }
      if (seen.has(url)) {
        diagnostics.push(
          ingestDiagnostic(file, `${url} is listed twice`, { line: i + 1 }, 'warning'),
        );
        return;
      }
      seen.add(url);
      const name = rest.join(' ');
      sources.push(name === '' ? { url: first } : { url: first, name });
    });
  return { sources, diagnostics };
}
