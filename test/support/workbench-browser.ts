/**
 * A browser of the workbench for end-to-end tests: keeps the login cookie and sends what its
 * pages send (the session token, its own Origin), against a real server on 127.0.0.1.
 *
 * @example
 * const b = new WorkbenchBrowser(origin);
 * expect((await b.logIn('hanako', password)).status).toBe(200);
 */
export class WorkbenchBrowser {
  cookie = '';
  token = '';
  constructor(readonly origin: string) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.keep(
      await fetch(`${this.origin}${path}`, {
        headers: { ...(this.cookie ? { Cookie: this.cookie } : {}), ...headers },
      }),
    );
  }

  /** A state-changing request as the UI sends it: session token, own Origin, the cookie. */
  async send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    if (this.token === '')
      this.token = ((await (await this.get('/api/session')).json()) as { token: string }).token;
    return this.keep(
      await fetch(`${this.origin}${path}`, {
        method,
        headers: {
          'X-Kirinuki-Token': this.token,
          Origin: this.origin,
          ...(this.cookie ? { Cookie: this.cookie } : {}),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  }

  async logIn(name: string, password: string): Promise<Response> {
    return this.send('POST', '/api/login', { name, password });
  }

  private keep(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      if (pair?.startsWith('kirinuki_session='))
        this.cookie = /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line) ? '' : pair;
    }
    return res;
  }
}
