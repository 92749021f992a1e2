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

    // The first thing in the page's main content is the call, as a link that dials 911.
    const main = page.locator('main');
    const call = main.locator('a, button').first();
    assert.equal(await call.getAttribute('href'), 'tel:911');
    assert.equal((await call.innerText()).trim(), 'Call 911');
    assert.equal(await main.evaluate((m) => m.firstElementChild.getAttribute('href')), 'tel:911', 'before anything else');
    // The outcome, machine-readable.
    assert.equal(await main.getAttribute('data-triage'), 'emergency');
    assert.equal(await main.getAttribute('data-findings'), 'cauda_equina');

    // Nothing more to fill in: no progress, no questions, no fields; one button only, to
    // undo an answer given by mistake.
    assert.equal(await main.locator('.progress-text, progress').count(), 0, 'no progress indicator');
    assert.equal(await main.locator('input:not([type=hidden]), textarea, select').count(), 0, 'no fields to fill in');
    assert.equal(await main.getByRole('radio').count(), 0, 'no questions');
    const buttons = main.getByRole('button');
    assert.equal(await buttons.count(), 1, 'one button');
    assert.equal((await buttons.first().innerText()).trim(), 'I answered this by mistake');
  });
});

test('an emergency answer given by mistake can be answered again', { timeout: 60_000 }, async (t) => {
  const ctx = await newContext(app);
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  await capturing(page, 'emergency-mistake', async () => {
    await startFromHome(page);
    await answerEmergency(page);
    await page.getByRole('heading', { level: 1, name: 'Stop: get emergency help now' }).waitFor();
    await page.getByRole('button', { name: 'I answered this by mistake' }).click();
    await page.waitForLoadState('domcontentloaded');
    assert.match(await page.locator('.progress-text').innerText(), /Step 1 of \d+/);
    assert.ok(await page.getByText('We cleared the answers that led to the emergency page.').isVisible());
    const saddle = page.getByRole('group', { name: /numbness or tingling around your genitals/ });
    assert.equal(await saddle.getByLabel('Yes', { exact: true }).isChecked(), false, 'not guessed');
    assert.equal(await saddle.getByLabel('No', { exact: true }).isChecked(), false, 'not guessed');
    assert.equal(await page.locator('.error-summary').count(), 0, 'no error');
  });
});
