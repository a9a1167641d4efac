import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client.js';
import type { AccountUser } from '../api/types.js';
import { useTitle } from '../hooks.js';

/**
 * The login of a workbench with accounts (PostgreSQL): a name and a password. A wrong one is
 * refused without saying which part was wrong, as the server answers.
 *
 * @example
 *   <LoginPage onLoggedIn={(user) => setUser(user)} />
 */
export function LoginPage(props: { onLoggedIn: (user: AccountUser) => void }) {
  useTitle('ログイン');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem('');
    try {
      const { user } = await api.login(name.trim(), password);
      setPassword('');
      props.onLoggedIn(user);
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 401
          ? '名前またはパスワードが違います。'
          : error instanceof ApiError && error.status === 429
            ? 'ログインの失敗が続いたため、この名前はしばらく使えません。時間をおいて試してください。'
            : `ログインできませんでした：${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="page login" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        ログイン
      </h1>
      <p class="muted">
        このワークベンチはアカウントで使います。名前とパスワードを入れてください。
      </p>
      <form class="login-form" onSubmit={(e) => void submit(e)}>
        <label class="stacked-label">
          名前
          <input
            type="text"
            name="username"
            autoComplete="username"
            required
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label class="stacked-label">
          パスワード
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? 'ログイン中…' : 'ログイン'}
        </button>
        {problem ? (
          <p class="error" role="alert">
            {problem}
          </p>
        ) : null}
      </form>
    </section>
  );
}
