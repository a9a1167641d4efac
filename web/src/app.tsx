import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api/client.js';
import type { AccountUser } from './api/types.js';
import { onAnnounce } from './announce.js';
import { JobsIndicator } from './components/JobsIndicator.js';
import { Link } from './components/Link.js';
import { useRoute } from './navigation.js';
import { hrefOf, type Route } from './lib/routes.js';
import { ComposePage } from './pages/Compose.js';
import { DigestPage } from './pages/Digest.js';
import { InboxPage } from './pages/Inbox.js';
import { LoginPage } from './pages/Login.js';
import { PeoplePage, PersonPage } from './pages/People.js';
import { SearchPage } from './pages/Search.js';
import { EntryPage, StoryPage } from './pages/Story.js';
import { TagPage, TagsPage } from './pages/Tags.js';
import { useTitle } from './hooks.js';

const NAV: readonly { label: string; route: Route; pages: readonly Route['page'][] }[] = [
  { label: '受信箱', route: { page: 'inbox', day: null }, pages: ['inbox'] },
  { label: '作成', route: { page: 'compose' }, pages: ['compose'] },
  { label: 'ダイジェスト', route: { page: 'digest', day: null }, pages: ['digest'] },
  { label: '検索', route: { page: 'search', q: '' }, pages: ['search'] },
  { label: '人物', route: { page: 'people' }, pages: ['people', 'person'] },
  { label: 'タグ', route: { page: 'tags' }, pages: ['tags', 'tag'] },
];

function NotFoundPage(props: { path: string }) {
  useTitle('見つかりません');
  return (
    <section class="page" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        見つかりません
      </h1>
      <p>
        <code>{props.path}</code> というページはありません。
        <Link href="/app/inbox">受信箱へ戻る</Link>
      </p>
    </section>
  );
}

function Page(props: { route: Route }) {
  const { route } = props;
  switch (route.page) {
    case 'inbox':
      return <InboxPage day={route.day} />;
    case 'compose':
      return <ComposePage />;
    case 'digest':
      return <DigestPage key={route.day ?? ''} day={route.day} />;
    case 'search':
      return <SearchPage q={route.q} />;
    case 'people':
      return <PeoplePage />;
    case 'person':
      return <PersonPage key={route.name} name={route.name} />;
    case 'tags':
      return <TagsPage />;
    case 'tag':
      return <TagPage key={route.tag} tag={route.tag} />;
    case 'story':
      return <StoryPage key={route.id} id={route.id} />;
    case 'entry':
      return <EntryPage key={route.id} id={route.id} />;
    case 'notFound':
      return <NotFoundPage path={route.path} />;
  }
}

/**
 * The workbench: a header with the pages and the jobs, the page of the route, a status line.
 *
 * @example
 *   render(<App />, document.getElementById('app')!);
 */
export function App() {
  const route = useRoute();
  const [status, setStatus] = useState('');
  const first = useRef(true);
  // A server with accounts (PostgreSQL): who is logged in, and whether to ask for a login
  // (no login yet, or the server refused one that ended with 401).
  const [user, setUser] = useState<AccountUser | null>(null);
  const [needLogin, setNeedLogin] = useState(false);
  useEffect(() => onAnnounce(setStatus), []);
  useEffect(() => {
    const stop = api.onLoginNeeded(() => {
      setUser(null);
      setNeedLogin(true);
    });
    api.sessionInfo().then(
      (session) => {
        if (!session.accounts) return;
        if (session.user) setUser(session.user);
        else setNeedLogin(true);
      },
      () => {
        // The pages report a server that cannot be reached.
      },
    );
    return stop;
  }, []);
  const logOut = () => {
    api.logout().then(
      () => {
        setUser(null);
        setNeedLogin(true);
      },
      (error: unknown) => setStatus(`ログアウトできませんでした：${String(error)}`),
    );
  };
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 6000);
    return () => clearTimeout(timer);
  }, [status]);

  // After a navigation, focus moves to the new page's heading (unless the page focused a
  // field of its own), so keyboard and screen-reader users start at the top of it.
  const pageKey = route.page === 'search' ? 'search' : hrefOf(route);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body || active.closest('.site-nav')) {
      document.getElementById('page-title')?.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  }, [pageKey]);

  return (
    <>
      <a class="skip-link" href="#main">
        本文へ移動
      </a>
      <header class="site-header">
        <Link class="brand" href="/app/inbox">
          切り抜き <span lang="en">kirinuki</span>
        </Link>
        {needLogin ? null : (
          <nav class="site-nav" aria-label="ページ">
            <ul>
              {NAV.map((item) => (
                <li key={item.label}>
                  <Link
                    href={hrefOf(item.route)}
                    aria-current={item.pages.includes(route.page) ? 'page' : undefined}
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {needLogin ? null : <JobsIndicator />}
        {user && !needLogin ? (
          <p class="account">
            <span class="account-name">{user.name}</span>
            <span class="muted">（{user.role === 'curator' ? 'キュレーター' : '閲覧のみ'}）</span>
            <button type="button" class="link-button" onClick={logOut}>
              ログアウト
            </button>
          </p>
        ) : null}
      </header>
      <main id="main">
        {needLogin ? (
          <LoginPage
            onLoggedIn={(loggedIn) => {
              setUser(loggedIn);
              setNeedLogin(false);
            }}
          />
        ) : (
          <Page route={route} />
        )}
      </main>
      <p class="status-line" role="status" aria-live="polite">
        {status}
      </p>
    </>
  );
}
