/**
 * The workbench UI as the browser tests and the screenshot script drive it: Debian's Chromium
 * (playwright-core, no browser download) on the real `kirinuki serve` of the test harness, a
 * page that records everything that went wrong while a person used it, and the few entries a
 * curator's day needs beyond the samples (new posts in the inbox, a story told by two sources).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { CreatedResponse, EntryCard } from '../../web/src/api/types.js';
import { CHROMIUM, launchChromium } from '../fixtures/site/sample-site.js';
import { json, ROOT, type TestServer } from './server-harness.js';

export { CHROMIUM };
/** The built UI (`npm run build`). */
export const DIST_WEB = join(ROOT, 'dist', 'web');

/**
 * Why the workbench's browser tests cannot run here, or null when they can.
 *
 * @example
 * const reason = workbenchSkipReason();
 * if (reason) console.warn(reason);
 */
export function workbenchSkipReason(what = 'workbench browser tests'): string | null {
  if (!existsSync(join(DIST_WEB, 'index.html')))
    return `${what} skipped: dist/web is not built — run \`npm run build\` first`;
  if (!existsSync(CHROMIUM))
    return `${what} skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, see DEVELOPERS.md)`;
  return null;
}

/**
 * Debian's Chromium, headless, with the flags of DEVELOPERS.md.
 *
 * @example
 * const browser = await launchWorkbenchBrowser();
 */
export async function launchWorkbenchBrowser(): Promise<Browser> {
  const browser = await launchChromium();
  if (browser === null) throw new Error(`workbench: ${CHROMIUM} is not installed`);
  return browser;
}

/** The day the new posts of the inbox are filed under: after the samples' last day. */
export const INBOX_DAY = '2024-03-08';
/** The day of the story told by two sources. */
export const STORY_DAY = '2024-03-07';

/**
 * The inbox's new posts, in the order they are filed: the first is like the samples' drone
 * attacks (the tagger proposes a line to accept); the other two are about a topic the
 * taxonomy lacks (a nuclear plant), so what is proposed for the third shows whether the
 * correction of the second was learned.
 */
export const INBOX_PASTES = [
  'キーウに再び無人機攻撃 防空部隊が迎撃\n' +
    'ウクライナの首都キーウで8日未明、ロシア軍による無人機攻撃があり、防空部隊が大半を迎撃した。' +
    'ウクライナ空軍によると、ロシア軍は無人機20機を発射し、このうち18機を撃墜した。' +
    'キーウ市長は「防空網が市民を守った」と述べた。',
  'ザポリージャ原発周辺で砲撃 IAEAが懸念\n' +
    'ザポリージャ原子力発電所の周辺で8日、砲撃があったと国際原子力機関(IAEA)が発表した。' +
    'グロッシ事務局長は「原発への攻撃は決して許されない」と述べ、双方に自制を求めた。',
  'ザポリージャ原発の冷却水不足 IAEAが警告\n' +
    'ザポリージャ原子力発電所で冷却水が不足しつつあると国際原子力機関(IAEA)が警告した。' +
    'グロッシ事務局長は「安全の余裕はほとんど残っていない」と語った。',
] as const;

/** The curator's correction of the second inbox post: a tag the taxonomy does not know yet. */
export const CORRECTED_TAG = '原発';
export const CORRECTED_LINE =
  '#原発(ザポリージャ原発周辺で砲撃・グロッシ事務局長「原発への攻撃は決して許されない」)';

/** One story from two outlets, worded a little differently. */
export const STORY_PASTES = [
  '黒海で穀物船が触雷 乗組員は無事\n' +
    'ウクライナ南部オデーサ沖の黒海で7日、穀物を積んだ貨物船が機雷に触れて損傷した。' +
    'ウクライナ海軍によると、乗組員12人は全員救助された。海軍報道官は「ロシアが敷設した機雷だ」と述べた。',
  'オデーサ沖の黒海で穀物船が触雷、乗組員は全員無事\n' +
    'ウクライナ南部オデーサ沖の黒海で7日、穀物を積んだ貨物船が機雷に触れて損傷した。' +
    'ウクライナ海軍によると、乗組員12人は全員が救助された。海軍の報道官は「ロシアが敷設した機雷だ」と話した。',
] as const;

/** What the curator pastes into Compose: a quote with its speaker, and one more. */
export const COMPOSE_PASTE =
  'ウクライナのゼレンスキー大統領は6日、首都キーウで記者会見し「領土を差し出す停戦はありえない」と述べた。\n' +
  'ロシアのペスコフ大統領報道官は「交渉の扉は開いている」と語った。';

/** The entries `seedWorkbench` filed. */
export interface WorkbenchSeed {
  /** The inbox posts, as INBOX_PASTES orders them. */
  inbox: EntryCard[];
  /** The two sources of one story. */
  story: EntryCard[];
}

/**
 * Files the inbox's new posts and the two-source story through the API, as a curator pasting
 * them in Compose would.
 *
 * @example
 * const seed = await seedWorkbench(server);
 * seed.inbox[0]?.id;
 */
export async function seedWorkbench(server: TestServer): Promise<WorkbenchSeed> {
  const file = async (paste: string, day: string): Promise<EntryCard> => {
    const response = await server.send('POST', '/api/entries', { paste, day });
    if (response.status !== 200) throw new Error(`workbench: seeding answered ${response.status}`);
    const created = await json<CreatedResponse>(response);
    const card = created.created[0];
    if (!card) throw new Error(`workbench: seeding filed nothing for ${paste.slice(0, 20)}`);
    return card;
  };
  const inbox: EntryCard[] = [];
  for (const paste of INBOX_PASTES) inbox.push(await file(paste, INBOX_DAY));
  const story: EntryCard[] = [];
  for (const paste of STORY_PASTES) story.push(await file(paste, STORY_DAY));
  return { inbox, story };
}

/** How a page is opened: its viewport and colour scheme. */
export interface WorkbenchPageOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
  /** A phone: touch, and scroll bars that overlay the page rather than take a gutter. */
  isMobile?: boolean;
}

/**
 * One browser tab on the workbench, recording what a person would call broken: console
 * errors, script errors, Content-Security-Policy violations, and requests that failed
 * (4xx/5xx answers and requests that never got one).
 */
export class WorkbenchPage {
  private readonly problems: string[] = [];
  private readonly allowed: RegExp[] = [];

  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    readonly origin: string,
  ) {
    const local = (url: string): string =>
      url.startsWith(origin) ? url.slice(origin.length) : url;
    page.on('console', (message) => {
      if (message.type() === 'error')
        this.problems.push(`console: ${message.text()} (${local(message.location().url)})`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400)
        this.problems.push(
          `${response.status()} ${response.request().method()} ${local(response.url())}`,
        );
    });
    page.on('requestfailed', (request) => {
      const why = request.failure()?.errorText ?? '?';
      // A GET the page itself aborted (its answer no longer wanted: another format chosen, the
      // page left) is the UI working, not a failure.
      if (why === 'net::ERR_ABORTED' && request.method() === 'GET') return;
      this.problems.push(`failed ${request.method()} ${local(request.url())}: ${why}`);
    });
  }

  /**
   * A new tab (in its own browser context) that reports CSP violations as problems.
   *
   * @example
   * const wb = await WorkbenchPage.open(browser, server.origin);
   */
  static async open(
    browser: Browser,
    origin: string,
    options: WorkbenchPageOptions = {},
  ): Promise<WorkbenchPage> {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      colorScheme: options.colorScheme ?? 'light',
      isMobile: options.isMobile ?? false,
      hasTouch: options.isMobile ?? false,
      acceptDownloads: true,
      locale: 'ja-JP',
    });
    const page = await context.newPage();
    const workbench = new WorkbenchPage(page, context, origin);
    await reportCspViolations(page, (text) => workbench.problems.push(`csp: ${text}`));
    return workbench;
  }

  /**
   * Opens a path of the workbench as a person types it into the address bar; the page must
   * answer 200 under the strict policy (so a violation would be reported).
   *
   * @example
   * await wb.goto('/app/search');
   */
  async goto(path: string): Promise<void> {
    const response = await this.page.goto(`${this.origin}${path}`);
    expect(response?.status(), path).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await this.heading().waitFor();
  }

  /**
   * The page's heading (h1): the one every page has.
   *
   * @example
   * expect(await wb.heading().textContent()).toBe('受信箱');
   */
  heading(): Locator {
    return this.page.locator('main h1');
  }

  /**
   * Follows a link of the header's page list, as a person clicks it.
   *
   * @example
   * await wb.nav('タグ');
   */
  async nav(label: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'ページ' })
      .getByRole('link', { name: label, exact: true })
      .click();
    await this.page.waitForURL(/\/app\//);
  }

  /**
   * Says that problems matching this pattern are caused by the test on purpose (a malformed
   * query, a refused line), so `unexpectedProblems` leaves them out.
   *
   * @example
   * wb.allow(/^400 GET \/api\/search\?q=%22/);
   */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  /**
   * Every problem recorded so far that no `allow` pattern covers, once the page's requests
   * have settled.
   *
   * @example
   * expect(await wb.unexpectedProblems()).toEqual([]);
   */
  async unexpectedProblems(): Promise<string[]> {
    await this.page.waitForLoadState('networkidle');
    return this.problems.filter((problem) => !this.allowed.some((p) => p.test(problem)));
  }

  /**
   * Every problem recorded, allowed ones included.
   *
   * @example
   * wb.allProblems().length;
   */
  allProblems(): readonly string[] {
    return this.problems;
  }

  /**
   * Whether the element has the keyboard focus.
   *
   * @example
   * expect(await wb.isFocused(wb.searchBox())).toBe(true);
   */
  isFocused(locator: Locator): Promise<boolean> {
    return locator.evaluate(
      (element: unknown) =>
        element ===
        (element as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
    );
  }

  /**
   * How many lines the text of each matching element takes on screen (1 for text that fits
   * on its line; more when the layout broke it).
   *
   * @example
   * expect(await wb.linesOf(wb.page.locator('th'))).toEqual([1, 1]);
   */
  linesOf(locator: Locator): Promise<number[]> {
    return locator.evaluateAll((elements: unknown[]) => {
      interface RangeLike {
        selectNodeContents(node: unknown): void;
        getClientRects(): ArrayLike<{ top: number; width: number }>;
      }
      const doc = (globalThis as unknown as { document: { createRange(): RangeLike } }).document;
      return elements.map((element) => {
        const range = doc.createRange();
        range.selectNodeContents(element);
        const tops = new Set<number>();
        for (const rect of Array.from(range.getClientRects()))
          if (rect.width > 0) tops.add(Math.round(rect.top));
        return tops.size;
      });
    });
  }

  // The inbox.

  /** The inbox's entries. */
  inboxItems(): Locator {
    return this.page.locator('.inbox-list > li');
  }

  /** The entry the inbox's keys act on. */
  selectedInboxItem(): Locator {
    return this.page.locator('.inbox-list > li[aria-current="true"]');
  }

  /**
   * Waits until the selected entry's suggestion has arrived, and returns it as shown: the
   * suggested tags (without `#`) and the proposed line, or null when there is none.
   *
   * @example
   * const { tags, line } = await wb.shownSuggestion();
   */
  async shownSuggestion(): Promise<{ tags: string[]; line: string | null }> {
    const suggestion = this.selectedInboxItem().locator('.suggestion');
    await suggestion.waitFor();
    const tags = (await suggestion.locator('.suggested-tags .tag-name').allTextContents()).map(
      (tag) => tag.replace(/^#/, ''),
    );
    const line = suggestion.locator('.proposed-line');
    const shown = (await line.count()) > 0 ? await line.textContent() : null;
    return { tags, line: shown?.replace(/^提案行：/, '') ?? null };
  }

  // Search.

  /** The search box. */
  searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: '検索語' });
  }

  /** The search results. */
  hits(): Locator {
    return this.page.locator('.hits > li');
  }

  // The digest.

  /** The day's entries in digest order. */
  orderItems(): Locator {
    return this.page.locator('.order-list > li');
  }

  /**
   * The ids of the day's entries, in the order the page shows them.
   *
   * @example
   * const ids = await wb.shownOrder();
   */
  async shownOrder(): Promise<string[]> {
    const ids = await this.orderItems().evaluateAll((items) =>
      items.map((item) => (item as unknown as { dataset: { id?: string } }).dataset.id ?? ''),
    );
    return ids;
  }

  // Charts.

  /**
   * How many pixels of the page's chart are painted (0 when it was never drawn), once the
   * chart's canvas is there.
   *
   * @example
   * expect(await wb.paintedChartPixels()).toBeGreaterThan(0);
   */
  async paintedChartPixels(): Promise<number> {
    const canvas = this.page.locator('.chart-box canvas');
    await canvas.waitFor({ timeout: 10_000 });
    return canvas.evaluate((element) => {
      interface CanvasLike {
        width: number;
        height: number;
        getContext(kind: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        } | null;
      }
      const chart = element as unknown as CanvasLike;
      const pixels = chart.getContext('2d')?.getImageData(0, 0, chart.width, chart.height).data;
      let painted = 0;
      for (let i = 3; pixels && i < pixels.length; i += 4) if (pixels[i] !== 0) painted += 1;
      return painted;
    });
  }

  /**
   * Closes the tab and its context.
   *
   * @example
   * await wb.close();
   */
  async close(): Promise<void> {
    await this.context.close();
  }
}

/**
 * Calls `report` with each Content-Security-Policy violation the page meets from its first
 * script on (directive, blocked URI, file and line).
 *
 * @example
 * await reportCspViolations(page, (text) => problems.push(text));
 */
export async function reportCspViolations(
  page: Page,
  report: (text: string) => void,
): Promise<void> {
  await page.exposeFunction('reportViolation', report);
  // Runs in the page; typed by hand, as the tests are compiled without the DOM library.
  await page.addInitScript(() => {
    interface Violation {
      violatedDirective: string;
      blockedURI: string;
      sourceFile: string;
      lineNumber: number;
    }
    const scope = globalThis as unknown as {
      document: { addEventListener(type: string, listener: (event: Violation) => void): void };
      reportViolation(text: string): void;
    };
    scope.document.addEventListener('securitypolicyviolation', (event) =>
      scope.reportViolation(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      ),
    );
  });
}
