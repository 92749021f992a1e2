// The whole way through, as a person with ordinary back pain goes: home → the check, step
// by step → the result (massage advisable) → find a therapist near 98101 → a profile → back
// to the result → "Prepare for your visit" (the intake summary) → "Was this helpful?" →
// thank you.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newContext, steps, useApp } from '../lib/harness.mjs';
import { BENIGN_ADULT, completeCheck, startFromHome } from '../lib/check.mjs';

const app = useApp();

/** Back until the result page shows (each Back is a GET: no resubmit prompt). */
async function backToResult(page) {
  for (let i = 0; i < 4; i++) {
    await page.goBack();
    if (await page.getByRole('heading', { level: 1, name: 'Your result' }).count()) return;
  }
  throw new Error(`four Backs did not reach the result (at ${page.url()})`);
}

const onResult = async (page) => {
  assert.ok(await page.getByRole('heading', { level: 1, name: 'Your result' }).isVisible(), 'on the result page');
  assert.match(await page.locator('section.verdict').innerText(), /Massage is a reasonable option for you/);
};

test('full path: check → result → find → profile → intake → feedback', { timeout: 180_000 }, async (t) => {
  const ctx = await newContext(app);
  ctx.setDefaultTimeout(10_000);
  t.after(() => ctx.close());
  const page = await ctx.newPage();

  await steps(t, [
    ['home page offers the check', async () => {
      await page.goto('/');
      assert.match(await page.title(), /lumbar/);
      assert.ok(await page.getByRole('heading', { level: 1, name: /Can massage help my back/ }).isVisible());
      await startFromHome(page);
    }],
    ['the check: every step answered, the progress indicator moving 1 → 5', async () => {
      const seen = await completeCheck(page, BENIGN_ADULT);
      assert.equal(seen[0].total, 5);
      assert.deepEqual(seen.map((s) => s.step), [1, 2, 3, 4, 5], 'each step shown once, in order');
    }],
    ['result: massage is a reasonable option, with the preferred style suggested', async () => {
      assert.match(await page.title(), /^Your result/);
      await onResult(page);
      assert.match(await page.locator('section.verdict').innerText(), /Massage suitable/);
      assert.match(await page.locator('ol.styles').innerText(), /Swedish/);
      assert.ok(await page.getByRole('heading', { name: 'When to stop and get help' }).isVisible());
    }],
    ['find a therapist near ZIP 98101, with the check applied', async () => {
      await page.getByRole('link', { name: 'Find a therapist' }).click();
      await page.getByRole('heading', { level: 1, name: 'Find a licensed massage therapist' }).waitFor();
      assert.ok(await page.getByRole('heading', { name: 'Your safety check is applied to this list' }).isVisible());
      await page.getByLabel('ZIP code').fill('98101');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByRole('heading', { name: 'Results' }).waitFor();
      assert.match(await page.locator('.find-results [role=status]').first().innerText(), /within \d+ miles of 98101/);
      const results = page.locator('ol.results > li');
      assert.ok((await results.count()) > 0, 'at least one therapist listed near 98101');
      assert.match(await results.first().innerText(), /License verified/);
      assert.match(await results.first().innerText(), /Why this match/);
    }],
    ['open a profile: name, license with its evidence', async () => {
      const link = page.locator('ol.results > li h3 a').first();
      const name = (await link.innerText()).trim();
      await link.click();
      await page.waitForURL(/\/therapists\/[^/]+$/);
      assert.equal((await page.locator('h1').innerText()).trim(), name);
      const credentials = page.locator('section', { has: page.getByRole('heading', { level: 2, name: /Licen[cs]e|Credentials/i }) });
      assert.ok(await credentials.count(), 'a credentials section');
      assert.ok(await page.locator('.license .badge-verified').count(), 'a verified license badge');
    }],
    ['back to the result (browser Back)', async () => {
      await backToResult(page);
      await onResult(page);
    }],
    ['prepare for your visit: the intake summary', async () => {
      await page.getByRole('link', { name: 'Prepare for your visit' }).click();
      await page.getByRole('heading', { level: 1, name: 'For my massage therapist' }).waitFor();
      assert.match(await page.title(), /^Prepare for your visit/);
      const prefs = page.locator('section', { has: page.getByRole('heading', { name: 'What I would like' }) });
      assert.match(await prefs.innerText(), /Medium/);
      assert.match(await prefs.innerText(), /Swedish/);
      assert.match(await prefs.innerText(), /Relax/);
      assert.match(await page.locator('main').innerText(), /Lower back/);
    }],
    ['"Was this helpful?" on the result → thank you', async () => {
      // The intake summary is for the therapist and has no feedback form: back to the result.
      await backToResult(page);
      const form = page.locator('section.feedback form');
      await form.getByRole('group', { name: /Was this .* helpful/ }).getByLabel('Yes', { exact: true }).check();
      await form.getByLabel(/Anything you would like to tell us/).fill('Clear and quick, thanks.');
      await form.getByRole('button', { name: 'Send feedback' }).click();
      await page.waitForURL(/\/check\/result\?feedback=thanks/);
      assert.match(await page.locator('section.feedback [role=status]').innerText(), /Your feedback helps us improve lumbar/);
      await onResult(page);
    }],
  ], { page });
});
