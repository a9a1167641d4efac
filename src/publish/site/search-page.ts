import { sitePage, type SiteInfo } from './site-page.js';
import { SITE_PATHS } from './site-paths.js';

/**
 * The search page: a form whose results `assets/search.js` fills in from the static index,
 * and what to do without scripts.
 *
 * @example
 * renderSearchPage({ title: 'kirinuki アーカイブ' }); // '<!DOCTYPE html>…<form id="site-search" …'
 */
export function renderSearchPage(site: SiteInfo): string {
  const body = [
    '<h1>検索</h1>',
    '<p class="site-lead">1文字からの日本語で、すべての切り抜きを探せます(スペースで区切るとすべてを含むもの)。</p>',
    '<form id="site-search" class="site-search-form" role="search" data-root="">',
    '<input id="site-search-input" type="search" name="q" aria-label="検索する言葉" placeholder="例: 停戦 ハリコフ" required>',
    '<button type="submit">検索</button>',
    '</form>',
    '<noscript><p>検索には JavaScript が必要です。kirinuki search でも同じアーカイブを検索できます。</p></noscript>',
    '<p id="site-search-status" class="site-search-status" aria-live="polite"></p>',
    '<ol id="site-search-results" class="site-list"></ol>',
    '<p><button id="site-search-more" type="button" hidden>さらに古い切り抜きを表示</button></p>',
  ].join('\n');
  return sitePage(
    { path: SITE_PATHS.search, title: '検索', body, scripts: [SITE_PATHS.searchScript] },
    site,
  );
}
