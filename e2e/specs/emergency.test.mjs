// The emergency stop: the first step, saddle numbness = yes, and the check stops at once
// with what to do (call 911) and nothing more to fill in.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capturing, newContext, useApp } from '../lib/harness.mjs';
import { answerEmergency, startFromHome } from '../lib/check.mjs';

const app = useApp();

test('saddle numbness on the first step stops the check with the 911 page', { timeout: 60_000 }, async (t) => {
  const ctx = await newContext(app);
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  await capturing(page, 'emergency', async () => {
    await startFromHome(page);
    assert.match(await page.locator('.progress-text').innerText(), /Step 1 of \d+/);

    // Only this one answer: every other question on the step is left blank.
    await answerEmergency(page);

    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Stop: get emergency help now' }).waitFor());
    assert.match(await page.title(), /^Get emergency help now/);
    const alert = page.getByRole('alert');
    assert.match(await alert.innerText(), /Call 911 \(or your local emergency number\) now/);
    assert.match(await alert.innerText(), /Do not have a massage/);
    // Why: the cauda equina finding, explained.
    assert.ok(await page.getByRole('heading', { level: 3, name: /nerves at the bottom of the spine/ }).isVisible());
    assert.ok(await page.getByText('You do not need to answer any more questions.').isVisible());

    // Nothing more to fill in: no progress, no questions, no buttons or fields in the page.
    const main = page.locator('main');
    assert.equal(await main.locator('.progress-text, progress').count(), 0, 'no progress indicator');
    assert.equal(await main.locator('input:not([type=hidden]), textarea, select').count(), 0, 'no fields to fill in');
    assert.equal(await main.getByRole('button').count(), 0, 'no buttons');
    assert.equal(await main.getByRole('radio').count(), 0, 'no questions');
  });
});
