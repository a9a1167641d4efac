/**
 * The stylesheet of kirinuki's HTML pages (a standalone digest, and the static site's pages):
 * Japanese typography — a system font stack with Japanese fallbacks, a line of about 38
 * characters, line-height 1.8 — and a dark scheme that follows the reader's setting. It styles
 * the classes the digest fragment uses (`kirinuki-entry`, `kirinuki-line`, `kirinuki-tag`,
 * `kirinuki-speaker`, `kirinuki-quote`, …) and X's `twitter-tweet` blockquote before the widget
 * script replaces it.
 *
 * @example
 * htmlPage({ title: '2024-03-04', body: '<main>…</main>', head: `<style>${digestStylesheet}</style>` });
 */
export const digestStylesheet = `:root {
  color-scheme: light dark;
  --fg: #1d1d1f;
  --bg: #fbfbf8;
  --muted: #5f6368;
  --accent: #0b57a4;
  --rule: #d9d9d4;
  --card: #f1f1ec;
  --mark: #fff1a8;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e8e6e3;
    --bg: #161618;
    --muted: #a5a5a0;
    --accent: #8ab4f8;
    --rule: #3a3a3c;
    --card: #222225;
    --mark: #5a4a00;
  }
}
html {
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
body {
  margin: 0;
  background: var(--bg);
  color: var(--fg);
  font-family: system-ui, -apple-system, "Hiragino Sans", "Hiragino Kaku Gothic ProN",
    "Noto Sans JP", "Noto Sans CJK JP", "Yu Gothic", YuGothic, Meiryo, sans-serif;
  font-size: 1rem;
  line-height: 1.8;
  line-break: strict;
  overflow-wrap: anywhere;
}
main {
  box-sizing: border-box;
  max-width: 38em;
  margin: 0 auto;
  padding: 1.5rem 1rem 4rem;
}
h1,
h2 {
  line-height: 1.4;
  font-feature-settings: "palt";
}
h1 {
  font-size: 1.5rem;
}
p {
  margin: 0 0 0.7em;
}
a {
  color: var(--accent);
}
.kirinuki-entry {
  margin-top: 2em;
  padding-top: 1.5em;
  border-top: 1px solid var(--rule);
}
blockquote.twitter-tweet {
  margin: 0 0 1.2em;
  padding: 0.8em 1em;
  border-left: 4px solid var(--accent);
  border-radius: 4px;
  background: var(--card);
  color: var(--muted);
}
blockquote.twitter-tweet p {
  color: var(--fg);
}
.kirinuki-source {
  color: var(--muted);
}
.kirinuki-line {
  margin-top: 1em;
  padding: 0.4em 0.8em;
  border-radius: 4px;
  background: var(--card);
}
.kirinuki-tag {
  font-weight: 700;
  color: var(--accent);
  text-decoration: none;
}
a.kirinuki-tag:hover {
  text-decoration: underline;
}
.kirinuki-speaker {
  font-weight: 700;
}
.kirinuki-quote {
  background: linear-gradient(transparent 60%, var(--mark) 60%);
}
.kirinuki-tags {
  margin-top: 2em;
}
.kirinuki-tags .kirinuki-tag {
  margin-right: 0.5em;
}
`;
