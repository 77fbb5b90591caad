// Browser tests of the web app served by the real server, in Debian's Chromium (never a downloaded
// browser). Run with `npm run test:e2e` after `npm run build`; CI installs chromium first.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTableport, type Tableport } from '../../server/src/app/tableport';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/infra/log/logger';
import { createTestDatabase } from '../../server/test/harness';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('../../../test-results/', import.meta.url));
let app: Tableport;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error('Browser tests need Debian Chromium: apt-get install -y chromium');
  if (!existsSync(fileURLToPath(new URL('../dist/index.html', import.meta.url)))) {
    throw new Error('The web app is not built: run `npm run build` first');
  }
  mkdirSync(SHOTS, { recursive: true });
  const db = await createTestDatabase();
  app = await startTableport({
    config: loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      TABLEPORT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tp-e2e-')),
      TABLEPORT_DEMO: 'false',
      ...(db.url ? { DATABASE_URL: db.url, TABLEPORT_SECRET_KEY: 'ef'.repeat(32) } : {}),
    }),
    role: 'all',
    logger: createLogger({ level: 'silent' }),
    database: { db, lock: undefined },
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Opens a page that fails the test on page errors, console errors and failed requests. */
async function openPage(): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    bypassCSP: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on(
    'console',
    (message) =>
      message.type() === 'error' && problems.push(`console: ${message.text()} at ${message.location().url}`),
  );
  page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()}`));
  page.on(
    'response',
    (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`),
  );
  return { page, problems };
}

async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const serious = result.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map((violation) => `${violation.id}: ${violation.help}`),
    label,
  ).toEqual([]);
}

describe('web app', () => {
  it('every link reachable from the home page works, with no errors and no accessibility violations', async () => {
    const { page, problems } = await openPage();
    const queue = ['/'];
    const seen = new Set<string>();
    while (queue.length > 0 && seen.size < 50) {
      const route = queue.shift()!;
      if (seen.has(route)) continue;
      seen.add(route);
      const response = await page.goto(`${app.url}${route}`, { waitUntil: 'networkidle' });
      expect(response?.status(), route).toBe(200);
      if (!(response?.headers()['content-type'] ?? '').includes('text/html') || route.startsWith('/api/'))
        continue;
      await expect
        .poll(() => page.locator('main').innerText(), { message: `${route} has content` })
        .not.toBe('');
      expect(await page.getByTestId('not-found').count(), `${route} is not a dead link`).toBe(0);
      await expectAccessible(page, route);
      const links = await page
        .locator('a[href]')
        .evaluateAll((anchors: { href: string }[]) => anchors.map((anchor) => anchor.href));
      for (const link of links) {
        const url = new URL(link);
        if (url.origin === new URL(app.url).origin && !seen.has(url.pathname)) queue.push(url.pathname);
      }
    }
    expect([...seen]).toEqual(expect.arrayContaining(['/', '/status']));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the status page shows live readiness and metrics from the server', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${app.url}/status`);
    const banner = page.getByRole('status').filter({ hasText: 'Server readiness' });
    await expect.poll(() => banner.innerText()).toContain('Ready');
    const checks = page.getByRole('table').filter({ hasText: 'Database' });
    await expect.poll(() => checks.innerText()).toMatch(/Database\s+Up[\s\S]*Job queue\s+Up/);
    // Metrics from /metrics: the request table lists the routes this page itself called.
    await expect.poll(async () => page.locator('main').innerText()).toContain('/readyz');
    await page.screenshot({ path: path.join(SHOTS, 'status.png'), fullPage: true });
    await expectAccessible(page, '/status');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('an unknown route shows the not-found page', async () => {
    const { page } = await openPage();
    await page.goto(`${app.url}/no/such/page`);
    await expect.poll(() => page.getByTestId('not-found').count()).toBe(1);
    await page.context().close();
  });
});
