// On a phone (390×844, touch): the check and the result work, and no page scrolls sideways.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PHONE, capturing, newContext, useApp } from '../lib/harness.mjs';
import { BENIGN_ADULT, completeCheck, horizontalOverflow } from '../lib/check.mjs';

const app = useApp();

async function assertNoSideScroll(page, where) {
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  assert.ok(scrollWidth <= innerWidth, `${where}: the page is ${scrollWidth}px wide in a ${innerWidth}px viewport`);
}

test('phone viewport: the check, the result, the finder and a profile, no horizontal scroll', { timeout: 120_000 }, async (t) => {
  const ctx = await newContext(app, PHONE);
  ctx.setDefaultTimeout(10_000);
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  await capturing(page, 'phone', async () => {
    await page.goto('/');
    assert.equal(await page.evaluate(() => window.innerWidth), 390);
    await assertNoSideScroll(page, 'home');
    await page.getByRole('link', { name: 'Start the check' }).tap();
    await page.waitForURL('**/check');

    // Each step, as shown (before it is answered), fits the screen.
    const seen = await completeCheck(page, BENIGN_ADULT, {
      onStep: (p, { step }) => assertNoSideScroll(p, `step ${step}`),
    });
    assert.equal(seen.length, seen[0].total, 'every step shown once');

    assert.ok(await page.getByRole('heading', { level: 1, name: 'Your result' }).isVisible());
    assert.match(await page.locator('section.verdict').innerText(), /Massage is a reasonable option for you/);
    await assertNoSideScroll(page, 'result');
    // The main action is reachable by touch, and leads to a list that fits the screen too.
    const find = page.getByRole('link', { name: 'Find a therapist' });
    const box = await find.boundingBox();
    assert.ok(box && box.height >= 24 && box.width >= 24, 'the "Find a therapist" target is at least 24×24 px (WCAG 2.5.8)');
    await find.tap();
    await page.getByLabel('ZIP code').fill('98101');
    await page.getByRole('button', { name: 'Search', exact: true }).tap();
    await page.locator('ol.results > li').first().waitFor();
    await assertNoSideScroll(page, 'find results');
    await page.locator('ol.results > li h3 a').first().tap();
    await page.waitForURL(/\/therapists\/[^/]+$/);
    await assertNoSideScroll(page, 'profile');
  });
});
