// The operator console (issue #11, first slice), on a phone: a person reports a listing from
// its profile ("Something wrong with this listing?"); a person who is not an operator gets
// 404 at /operator; an operator (role granted with `lumbar user set-role … --reason`) sees
// the report in the queue, resolves it with a note, and finds the decision in the audit log.
// axe (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA) and no sideways scrolling on every page.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PHONE, newContext, runLumbar, steps, useApp } from '../lib/harness.mjs';
import { assertAccessible } from '../lib/axe.mjs';
import { assertNoSideScroll, signUp, uniqueEmail } from '../lib/journey.mjs';

const app = useApp({ env: { LUMBAR_RATE_LIMIT_BURST: '1000', LUMBAR_RATE_LIMIT_PER_MINUTE: '1000' } });
const PASSWORD = 'a walk along the river';

async function checkPage(page, label, t) {
  await t.test(`axe, no sideways scrolling: ${label}`, async (st) => {
    await assertAccessible(page, label, st);
    await assertNoSideScroll(page, label);
  });
}

test('operator console on a phone: report → queue → resolve → audit log', { timeout: 300_000 }, async (t) => {
  const ctx = await newContext(app, PHONE);
  ctx.setDefaultTimeout(15_000);
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  const note = `e2e report ${Date.now()}`;
  const email = uniqueEmail('operator');
  let profile = null;

  await steps(t, [
    ['a person reports a listing from its profile', async (st) => {
      await page.goto('/find?zip=98101&radius_miles=15');
      const link = page.locator('ol.results > li h3 a').first();
      await link.click();
      await page.waitForURL(/\/therapists\/\d+/);
      profile = new URL(page.url()).pathname;
      await page.getByText('Something wrong with this listing?').click();
      await checkPage(page, 'profile with the report form open', st);
      const main = page.locator('main');
      await main.getByRole('button', { name: 'Send the report' }).click();
      await page.waitForLoadState('domcontentloaded');
      assert.match(await main.innerText(), /Choose what is wrong with this listing\./, 'a report needs a category');
      await checkPage(page, 'report form with its error', st);
      await main.getByLabel('The address, phone or other details are wrong').check();
      await main.getByLabel('Anything else we should know').fill(note);
      await main.getByRole('button', { name: 'Send the report' }).click();
      await page.waitForLoadState('domcontentloaded');
      assert.equal(new URL(page.url()).pathname, profile, 'back on the profile');
      assert.match(await main.innerText(), /Thank you\. An operator will look at your report\./);
    }],
    ['a signed-in person who is not an operator gets 404 at /operator', async () => {
      await signUp(page, email, PASSWORD);
      const resp = await page.goto('/operator');
      assert.equal(resp.status(), 404);
    }],
    ['granted the operator role, the same person sees the console', async (st) => {
      await runLumbar(['user', 'set-role', email, 'operator', '--reason', 'e2e: operator console test']);
      const resp = await page.goto('/operator');
      assert.equal(resp.status(), 200);
      assert.ok(await page.getByRole('heading', { level: 1, name: 'Operator console' }).isVisible());
      await checkPage(page, '/operator', st);
    }],
    ['every queue page is accessible', async (st) => {
      for (const [path, heading] of [
        ['/operator/reviews', 'Reviews waiting for moderation'],
        ['/operator/feedback', 'Feedback waiting for moderation'],
        ['/operator/roles', 'Grant a role'],
      ]) {
        await page.goto(path);
        assert.ok(await page.getByRole('heading', { level: 1, name: heading }).isVisible(), path);
        await checkPage(page, path, st);
      }
    }],
    ['the report waits in the queue; resolving it needs a note, then it is gone', async (st) => {
      await page.goto('/operator/reports');
      assert.ok(await page.getByRole('heading', { level: 1, name: 'Open reports about listings' }).isVisible());
      await checkPage(page, '/operator/reports', st);
      const item = page.locator('article.operator-item', { hasText: note });
      assert.equal(await item.count(), 1, 'the report is listed with its text');
      await item.getByRole('button', { name: 'Resolve, keep the listing' }).click();
      await page.waitForLoadState('domcontentloaded');
      const again = page.locator('article.operator-item', { hasText: note });
      assert.ok(await again.locator('[aria-invalid="true"]').count(), 'the note is required');
      await checkPage(page, '/operator/reports with an error', st);
      await again.getByRole('textbox').fill('details checked with the listing; nothing to change');
      await again.getByRole('button', { name: 'Resolve, keep the listing' }).click();
      await page.waitForLoadState('domcontentloaded');
      assert.equal(await page.locator('article.operator-item', { hasText: note }).count(), 0, 'resolved: out of the queue');
    }],
    ['the audit log shows the role grant and the decision', async (st) => {
      await page.goto('/operator/audit');
      assert.ok(await page.getByRole('heading', { level: 1, name: 'Audit log' }).isVisible());
      const text = await page.locator('main').innerText();
      assert.match(text, /report\.resolve/);
      assert.match(text, /details checked with the listing/);
      assert.match(text, /role\.grant/);
      await checkPage(page, '/operator/audit', st);
    }],
  ], { page });
});
