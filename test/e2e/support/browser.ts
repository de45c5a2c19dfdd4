/**
 * Browser-test support: Debian's Chromium driven by playwright-core, one fresh profile per
 * launch (no state shared between tests), headless, no background network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/** A running browser with one page; `close()` also deletes its profile directory. */
export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Console messages and page errors seen so far (tests assert there are no PHI leaks / crashes). */
  logs: string[];
  close(): Promise<void>;
}

/** Launches Chromium (CHROMIUM_PATH or /usr/bin/chromium) with a fresh user-data-dir. */
export async function launchBrowser(): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'caregap-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const logs: string[] = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  return {
    context,
    page,
    logs,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** One test's page in the file's shared browser, with its own console log. */
export interface TestPage {
  page: Page;
  logs: string[];
}

/**
 * Registers hooks for one browser per test file (fresh profile) and a new page per test. A new
 * page is a new tab: its sessionStorage — where fhirclient keeps the SMART session — starts
 * empty, so tests stay independent while the HTTP cache speeds up loading the app's modules.
 * Returns a getter valid inside tests.
 */
export function useBrowser(): () => TestPage {
  let browser: TestBrowser | undefined;
  let current: TestPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  beforeEach(async () => {
    if (!browser) {
      throw new Error('browser not started');
    }
    const page = await browser.context.newPage();
    const logs: string[] = [];
    page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
    current = { page, logs };
  });
  afterEach(async () => {
    await current?.page.close();
    current = undefined;
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!current) {
      throw new Error('no test page');
    }
    return current;
  };
}
