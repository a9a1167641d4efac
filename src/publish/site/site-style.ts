/**
 * The static site's own stylesheet, served as `assets/site.css` beside the digest stylesheet
 * every page carries (`digestStylesheet`, whose colour variables it uses, so the dark scheme
 * follows): the header with its search box, lists of entries, quotes and days, the weekly
 * charts and the search page.
 *
 * @example
 * files.set('assets/site.css', siteStylesheet);
 */
export const siteStylesheet = `.site-header {
  border-bottom: 1px solid var(--rule);
  background: var(--card);
}
.site-header nav {
  box-sizing: border-box;
  display: flex;
  flex-wrap: wrap;
  gap: 0.4em 1.2em;
  align-items: center;
  max-width: 38em;
  margin: 0 auto;
  padding: 0.6rem 1rem;
}
.site-header nav a {
  text-decoration: none;
}
.site-header .site-name {
  font-weight: 700;
  color: var(--fg);
  font-feature-settings: "palt";
}
.site-header form {
  display: flex;
  gap: 0.4em;
  margin-left: auto;
}
input[type="search"] {
  box-sizing: border-box;
  width: 10em;
  padding: 0.25em 0.5em;
  border: 1px solid var(--rule);
  border-radius: 4px;
  background: var(--bg);
  color: var(--fg);
  font: inherit;
}
button {
  padding: 0.25em 0.8em;
  border: 1px solid var(--rule);
  border-radius: 4px;
  background: var(--bg);
  color: var(--fg);
  font: inherit;
  cursor: pointer;
}
.site-footer {
  max-width: 36rem;
  margin: 0 1rem;
  padding: 1rem 0 3rem;
  border-top: 1px solid var(--rule);
  color: var(--muted);
  font-size: 0.875rem;
}
@media (min-width: 38rem) {
  .site-footer {
    margin: 0 auto;
  }
}
.site-lead {
  color: var(--muted);
}
.site-pager {
  display: flex;
  justify-content: space-between;
  gap: 1em;
  margin: 2em 0 1em;
  font-size: 0.9375rem;
}
.site-pager a {
  text-decoration: none;
}
.site-related {
  margin-top: 3em;
  padding-top: 1em;
  border-top: 1px solid var(--rule);
}
.site-related h2,
.site-section h2 {
  font-size: 1.1rem;
  margin: 1.5em 0 0.5em;
}
.site-chips {
  display: flex;
  flex-wrap: wrap;
  gap: 0.3em 0.9em;
  margin: 0;
  padding: 0;
  list-style: none;
}
.site-chips .site-count,
.site-count {
  color: var(--muted);
  font-size: 0.875em;
}
.site-list {
  margin: 0;
  padding: 0;
  list-style: none;
}
.site-list > li {
  margin: 0 0 1.2em;
  padding-bottom: 1em;
  border-bottom: 1px solid var(--rule);
}
.site-meta {
  display: block;
  color: var(--muted);
  font-size: 0.875rem;
}
.site-headline {
  font-weight: 700;
  text-decoration: none;
}
a.site-headline:hover {
  text-decoration: underline;
}
.site-meta a {
  white-space: nowrap;
}
.site-excerpt {
  margin: 0.3em 0 0;
  font-size: 0.9375rem;
}
.site-quote {
  margin: 0.4em 0 0.6em;
  padding: 0.4em 0.8em;
  border-left: 3px solid var(--accent);
  background: var(--card);
}
.site-months {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(7.5em, 1fr));
  gap: 0.2em 1em;
  margin: 0;
  padding: 0;
  list-style: none;
}
.site-days {
  display: flex;
  flex-wrap: wrap;
  gap: 0.2em 0.8em;
  margin: 0 0 1em;
  padding: 0;
  list-style: none;
}
.site-chart {
  display: block;
  width: 100%;
  height: auto;
  margin: 1em 0 1.5em;
  color: var(--accent);
}
.site-chart-bar {
  fill: currentColor;
}
.site-chart-axis,
.site-chart-grid {
  stroke: var(--rule);
  stroke-width: 1;
}
.site-chart-label {
  fill: var(--muted);
  font-size: 11px;
}
.site-search-form {
  display: flex;
  gap: 0.5em;
  margin: 1em 0;
}
.site-search-form input[type="search"] {
  flex: 1;
  width: auto;
  font-size: 1.1rem;
}
.site-search-status {
  color: var(--muted);
}
mark {
  background: var(--mark);
  color: inherit;
}
`;

/**
 * The site's icon (`assets/icon.svg`): a clipping — a page with a dashed cut line — in the
 * accent colours of the light and dark schemes.
 *
 * @example
 * files.set('assets/icon.svg', siteIcon);
 */
export const siteIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<style>rect{fill:#0b57a4}path{stroke:#fbfbf8}@media (prefers-color-scheme:dark){rect{fill:#8ab4f8}path{stroke:#161618}}</style>
<rect x="2" y="2" width="28" height="28" rx="6"/>
<path d="M8 11h16M8 16h16M8 21h10" stroke-width="2.5" stroke-linecap="round" stroke-dasharray="3 2.5" fill="none"/>
</svg>
`;
