/**
 * The workbench with accounts in Debian's Chromium: on a PostgreSQL archive the UI asks for a
 * login, says a wrong one is wrong without saying which part, shows who is logged in, shows in
 * an entry's page who changed which line and when, and logs out. Skipped, loudly, without a
 * PostgreSQL server, dist/web or Chromium.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AccountStore, openPostgresArchive, type Archive } from '../../src/archive/index.js';
import { importFiles } from '../../src/pipeline/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { startPostgresCluster, type ClusterStart } from '../support/postgres-cluster.js';
import { SAMPLE_FILES, SAMPLES, sharedKnowledge } from './server-harness.js';
import {
  DIST_WEB,
  launchWorkbenchBrowser,
  WorkbenchPage,
  workbenchSkipReason,
} from './workbench-page.js';

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

const browserSkip = workbenchSkipReason('accounts browser test');
if (browserSkip) console.warn(browserSkip);
const started: ClusterStart =
  browserSkip === null ? startPostgresCluster() : { ok: false, why: 'no browser' };
if (browserSkip === null && !started.ok)
  console.warn(`\n*** accounts browser suite SKIPPED: ${started.why} ***\n`);

const CURATOR = { name: 'hanako', password: 'kiri-nuki curator 1' };

describe.skipIf(!started.ok)(
  'the workbench login and history (Chromium)',
  { timeout: 60_000 },
  () => {
    let archive: Archive;
    let accounts: AccountStore;
    let server: RunningServer;
    let browser: Browser;
    let dir: string;

    beforeAll(async () => {
      if (!started.ok) return;
      const url = started.cluster.createDatabase('accounts_browser');
      dir = mkdtempSync(join(tmpdir(), 'kirinuki-accounts-ui-'));
      archive = openPostgresArchive(url);
      const files = SAMPLE_FILES.map((f) => ({
        name: join(SAMPLES, f),
        bytes: readFileSync(join(SAMPLES, f)),
      }));
      importFiles(archive, files, { today: '2024-03-06', knowledge: sharedKnowledge() });
      accounts = AccountStore.open(url);
      const added = await accounts.addUser(CURATOR.name, 'curator', CURATOR.password);
      if (!added.ok) throw new Error(added.error);
      const run = await startServer({
        archive,
        archivePath: join(dir, 'archive.db'),
        accounts,
        knowledge: sharedKnowledge(),
        webRoot: DIST_WEB,
        port: 0,
        env: {},
        log: () => {},
      });
      if (!run.ok) throw new Error(run.error.message);
      server = run.value;
      browser = await launchWorkbenchBrowser();
    }, 60_000);

    afterAll(async () => {
      if (!started.ok) return;
      await browser?.close();
      await server?.close();
      accounts?.close();
      archive?.close();
      started.cluster.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('asks for a login, refuses a wrong one, then shows who changed a line of an entry', async () => {
      const origin = server.url.replace(/\/$/, '');
      const wb = await WorkbenchPage.open(browser, origin);
      // Before the login, the pages' reads are refused: that is what sends the UI to the login.
      wb.allow(/^401 /);
      wb.allow(/^console: Failed to load resource: .* 401 \(Unauthorized\)/);
      try {
        await wb.goto('/app/inbox');
        await eventually(() => wb.heading().textContent()).toBe('ログイン');
        const page = wb.page;
        await page.getByLabel('名前').fill(CURATOR.name);
        await page.getByLabel('パスワード').fill('not the password');
        await page.getByRole('button', { name: 'ログイン' }).click();
        await eventually(() => page.getByRole('alert').textContent()).toBe(
          '名前またはパスワードが違います。',
        );

        await page.getByLabel('パスワード').fill(CURATOR.password);
        await page.getByRole('button', { name: 'ログイン' }).click();
        await eventually(() => page.locator('.account-name').textContent()).toBe(CURATOR.name);
        await eventually(() => wb.heading().textContent()).toBe('受信箱');

        // The curator edits an entry's lines (as the inbox would), from this logged-in page.
        const first = await page.evaluate(async () => {
          const list = (await (await fetch('/api/entries?limit=1')).json()) as {
            entries: { id: string }[];
          };
          return list.entries[0]?.id ?? '';
        });
        const line = '#履歴テスト(ブラウザから編集した行・キュレーター「確認」)';
        const status = await page.evaluate(
          async ({ id, line }) => {
            const { token } = (await (await fetch('/api/session')).json()) as { token: string };
            const res = await fetch(`/api/entries/${id}`, {
              method: 'PATCH',
              headers: { 'Content-Type': 'application/json', 'X-Kirinuki-Token': token },
              body: JSON.stringify({ summaryLines: [line] }),
            });
            await res.text();
            return res.status;
          },
          { id: first, line },
        );
        expect(status).toBe(200);

        await wb.goto(`/app/entries/${first}`);
        const history = page.locator('.entry-history');
        await history.waitFor();
        await eventually(() => history.locator('.history-user').first().textContent()).toBe(
          CURATOR.name,
        );
        expect(await history.locator('.history-head').first().textContent()).toContain(
          '要約行を編集',
        );
        expect(await history.locator('.history-added').first().textContent()).toContain(line);
        const when = await history.locator('time').first().getAttribute('datetime');
        expect(Math.abs(Date.parse(when ?? '') - Date.now())).toBeLessThan(60_000);

        await page.getByRole('button', { name: 'ログアウト' }).click();
        await eventually(() => wb.heading().textContent()).toBe('ログイン');
        // The body read, so the request ends (the page's network goes idle).
        const after = await page.evaluate(async () => {
          const res = await fetch('/api/days');
          await res.text();
          return res.status;
        });
        expect(after).toBe(401);
        expect(await wb.unexpectedProblems()).toEqual([]);
      } finally {
        await wb.close();
      }
    });
  },
);
