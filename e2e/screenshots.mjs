#!/usr/bin/env node
// Writes the README's screenshots (not part of the test run): the home page, the result of
// the check, the therapist finder's results and a massage plan's progress (a person seeded by
// `lumbar bench journal-fixture`), on a phone-sized screen, to docs/screenshots/*.png. Run by hand when the pages change:
//
//   cargo build && (cd e2e && node screenshots.mjs)
//
// Uses LUMBAR_BIN / CHROMIUM like the tests, and a temporary SQLite database with the
// fictional demo directory.

import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHONE, REPO, launchBrowser, runLumbar, startServer } from './lib/harness.mjs';
import { BENIGN_ADULT, completeCheck, startFromHome } from './lib/check.mjs';

const out = join(REPO, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'lumbar-shots-'));
process.env.LUMBAR_E2E_DB ||= `sqlite:${join(tmp, 'shots.db')}`;

const server = await startServer();
const browser = await launchBrowser();
try {
  // One device pixel per CSS pixel keeps the PNGs small.
  const ctx = await browser.newContext({ baseURL: server.baseURL, locale: 'en-US', ...PHONE, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const shot = async (name) => {
    const path = join(out, `${name}.png`);
    await page.screenshot({ path });
    console.log(`${path} (${Math.round(statSync(path).size / 1024)} KiB)`);
  };

  await page.goto('/');
  await shot('home');

  await startFromHome(page);
  await completeCheck(page, BENIGN_ADULT);
  await page.getByRole('heading', { level: 1, name: 'Your result' }).waitFor();
  await shot('result');

  await page.getByRole('link', { name: 'Find a therapist' }).click();
  await page.getByLabel('ZIP code').fill('98101');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  // The results, scrolled to under the search form.
  await page.getByRole('heading', { name: 'Results' }).evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -12);
  });
  await shot('find');

  // A massage plan with eight logged sessions, three days apart: the weekly pain chart with its band.
  const fixture = JSON.parse(await runLumbar(['bench', 'journal-fixture', '--sessions', '8', '--days-apart', '3']));
  const [name, value] = fixture.cookie.split('=');
  await ctx.addCookies([{ name, value, url: server.baseURL }]);
  await page.goto(`/plans/${fixture.plan}`);
  await page.locator('main figure.chart-figure').first().evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -12);
  });
  await shot('plan');
} finally {
  await browser.close();
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
}
