// Accessibility: axe-core with the WCAG 2.0 A/AA, 2.1 AA and 2.2 AA rules on every page a
// person can reach, in the states they see (a step with errors, a step with an added
// question, the stop page, the result). Zero violations; a failure lists each one.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newContext, useApp } from '../lib/harness.mjs';
import { assertAccessible } from '../lib/axe.mjs';
import { BENIGN_ADULT, BENIGN_WOMAN, answerEmergency, completeCheck, startFromHome } from '../lib/check.mjs';

const app = useApp();
let ctx;

async function freshPage() {
  if (!ctx) {
    ctx = await newContext(app);
    ctx.setDefaultTimeout(10_000);
  }
  return ctx.newPage();
}

/** A page showing the result of the check for a benign adult. */
async function resultPage() {
  const page = await freshPage();
  await startFromHome(page);
  await completeCheck(page, BENIGN_WOMAN);
  await page.getByRole('heading', { level: 1, name: 'Your result' }).waitFor();
  return page;
}

test.after(async () => ctx?.close());

for (const [name, path] of [
  ['home', '/'],
  ['evidence', '/evidence'],
  ['about', '/about'],
  ['privacy', '/privacy'],
  ['disclaimer', '/disclaimer'],
]) {
  test(`axe: ${name} (${path})`, async (t) => {
    const page = await freshPage();
    const resp = await page.goto(path);
    assert.equal(resp.status(), 200);
    await assertAccessible(page, name, t);
    await page.close();
  });
}

test('axe: 404 page', async (t) => {
  const page = await freshPage();
  const resp = await page.goto('/no-such-page');
  assert.equal(resp.status(), 404);
  assert.match(await page.locator('h1').innerText(), /Page not found/);
  await assertAccessible(page, '404', t);
  await page.close();
});

test('axe: every step of the check, its error state, revealed follow-ups, "None of these" and the result', { timeout: 120_000 }, async (t) => {
  const page = await freshPage();
  await startFromHome(page);
  await t.test('step 1 with errors (nothing answered)', async (st) => {
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.error-summary').waitFor();
    await assertAccessible(page, 'step 1 with errors', st);
  });
  const checked = new Set();
  await completeCheck(page, BENIGN_WOMAN, {
    onStep: async (p, { step }) => {
      const label = `step ${step}`;
      if (checked.has(label)) return;
      checked.add(label);
      await t.test(label, (st) => assertAccessible(p, label, st));
      if (step === 2) {
        // the pregnancy question revealed in place once "Female" is chosen
        await p.getByRole('group', { name: /What is your sex/ }).getByLabel('Female', { exact: true }).check();
        await p.getByRole('group', { name: /Are you pregnant/ }).waitFor();
        await t.test('step 2 with the follow-up revealed', (st) => assertAccessible(p, 'step 2 revealed', st));
      }
      if (step === 1) {
        await p.getByLabel('None of these apply to me').check();
        await t.test('step 1 with "None of these" chosen', (st) => assertAccessible(p, 'step 1 none', st));
        await p.getByLabel('None of these apply to me').uncheck();
      }
    },
  });
  await t.test('result', async (st) => {
    await page.getByRole('heading', { level: 1, name: 'Your result' }).waitFor();
    await assertAccessible(page, 'result', st);
  });
  await page.close();
});

test('axe: emergency stop page', async (t) => {
  const page = await freshPage();
  await startFromHome(page);
  await answerEmergency(page);
  await page.getByRole('heading', { level: 1, name: /Stop: get emergency help now/ }).waitFor();
  await assertAccessible(page, 'stop', t);
  await page.close();
});

test('axe: find a therapist: the form, results, no results, an unknown ZIP, a form error', async (t) => {
  const page = await freshPage();
  for (const [label, path] of [
    ['find form', '/find'],
    ['find with results (98101)', '/find?zip=98101'],
    ['find with no results (99723)', '/find?zip=99723'],
    ['find with an unknown ZIP', '/find?zip=00000'],
    ['find in Spanish, Spanish speakers preselected (98101)', '/find?zip=98101&lang=es'],
    // back to English for the pages after this one (the language is remembered)
    ['find with a form error', '/find?zip=12&lang=en'],
  ]) {
    await t.test(label, async (st) => {
      await page.goto(path);
      await assertAccessible(page, label, st);
    });
  }
  assert.equal(await page.locator('.error-summary').count(), 1, 'the last page showed the error summary');
  await page.close();
});

test('axe: see a clinician first: the result and the summary for the clinician', { timeout: 90_000 }, async (t) => {
  const page = await freshPage();
  await startFromHome(page);
  await completeCheck(page, { ...BENIGN_ADULT, 'bleeding disorder': 'Yes' });
  await page.getByRole('heading', { level: 1, name: 'Your result' }).waitFor();
  await t.test('result: see a clinician first', (st) => assertAccessible(page, 'result see a clinician first', st));
  await t.test('summary for the clinician', async (st) => {
    await page.getByRole('link', { name: 'Print a summary for your doctor or physical therapist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Summary for your doctor or physical therapist' }).waitFor();
    assert.equal(new URL(page.url()).search, '', 'no answers in the address');
    await assertAccessible(page, 'clinician summary', st);
  });
  await page.close();
});

test('axe: a therapist profile', async (t) => {
  const page = await freshPage();
  // a plain search: no finished check from the tests before (a clinician-first one hides the list)
  await page.context().clearCookies();
  await page.goto('/find?zip=98101');
  await page.locator('ol.results > li h3 a').first().click();
  await page.waitForURL(/\/therapists\/[^/]+$/);
  await assertAccessible(page, 'profile', t);
  await page.close();
});

test('axe: the screened finder, the intake summary, feedback (error and thank you)', { timeout: 90_000 }, async (t) => {
  const page = await resultPage();
  await t.test('find from the result (screened), with results', async (st) => {
    await page.getByRole('link', { name: 'Find a therapist' }).click();
    await page.getByLabel('ZIP code').fill('98101');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('ol.results > li').first().waitFor();
    await assertAccessible(page, 'screened find with results', st);
  });
  await t.test('intake summary', async (st) => {
    await page.getByRole('link', { name: 'Prepare for your visit' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'For my massage therapist' }).waitFor();
    await assertAccessible(page, 'intake', st);
  });
  await t.test('feedback sent without an answer (error)', async (st) => {
    await page.goto('/evidence');
    await page.locator('section.feedback').getByRole('button', { name: 'Send feedback' }).click();
    await page.locator('.error-summary').waitFor();
    await assertAccessible(page, 'feedback error', st);
  });
  await t.test('feedback thank-you, back on the page it was about', async (st) => {
    await page.getByLabel('No', { exact: true }).check();
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.waitForURL(/\/evidence\?feedback=thanks/);
    await page.locator('section.feedback [role=status]').waitFor();
    await assertAccessible(page, 'feedback thanks', st);
  });
  await page.close();
});
