// A person's journey after the check, the way they go through it in the browser: an
// account (sign up, sign in, sign out), a plan's log page (the re-screen, then the entry),
// the mail outbox (read with `lumbar mail outbox --json` on the servers' database).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO, runLumbar } from './harness.mjs';
import { answerStep, horizontalOverflow } from './check.mjs';

/** An email address no earlier run used (the database may be reused between runs). */
export function uniqueEmail(who) {
  return `${who}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}

/** The message a person is told for a progress status, as progress.toml has it (English). */
export function progressMessage(status) {
  const toml = readFileSync(resolve(REPO, 'crates/lumbar-core/data/progress.toml'), 'utf8');
  const block = toml.split('[[status]]').find((b) => new RegExp(`^\\s*id = "${status}"`, 'm').test(b));
  assert.ok(block, `progress.toml has the status ${status}`);
  const m = block.match(/^message = "((?:[^"\\]|\\.)*)"/m);
  assert.ok(m, `progress.toml gives ${status} an English message`);
  return JSON.parse(`"${m[1]}"`);
}

/** Fails when the page scrolls sideways (a phone viewport). */
export async function assertNoSideScroll(page, where) {
  const { scrollWidth, innerWidth } = await horizontalOverflow(page);
  assert.ok(scrollWidth <= innerWidth, `${where}: the page is ${scrollWidth}px wide in a ${innerWidth}px viewport`);
}

/** The text of `main`, spaces collapsed. */
export async function mainText(page) {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

/** GET /signup, fill in the email and password, submit: ends on the page sign-up leads to. */
export async function signUp(page, email, password) {
  await page.goto('/signup');
  const main = page.locator('main');
  await main.getByLabel('Email address').fill(email);
  await main.getByLabel('Password', { exact: true }).fill(password);
  await main.getByRole('button', { name: 'Create my account' }).click();
  await page.waitForLoadState('domcontentloaded');
}

/** GET /signin, fill in, submit. */
export async function signIn(page, email, password) {
  if (!new URL(page.url()).pathname.startsWith('/signin')) await page.goto('/signin');
  const main = page.locator('main');
  await main.getByLabel('Email address').fill(email);
  await main.getByLabel('Password', { exact: true }).fill(password);
  await main.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForLoadState('domcontentloaded');
}

/** "Sign out" on the account page. */
export async function signOut(page) {
  await page.goto('/account');
  await page.locator('main').getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/');
}

/** The answer to the log page's "Has anything changed…?" question, keyed like the check's. */
export const CHANGED = 'Has anything changed in your health or medicines';

/**
 * On a plan's log page: answers the re-screen with `answers` (keyed like the check's, see
 * check.mjs; "Has anything changed" keyed by CHANGED), then the entry: kind (its label),
 * date (default: the date the form offers, today), average pain, and optionally pain right
 * before and after, a therapist found near a ZIP code (`therapistNear`: picks the first
 * listing found), notes. Presses Save. Returns the chosen listing's id (or null).
 */
export async function logEntry(page, answers, { kind = 'A massage session', date, pain, before, after, therapistNear, notes } = {}) {
  const form = page.locator('form#log-form');
  let therapist = null;
  if (therapistNear) {
    // "Search the directory" re-renders the form with the listings near the ZIP code
    await form.getByLabel('Find your therapist in the directory: ZIP code near them').fill(therapistNear);
    await form.getByRole('button', { name: 'Search the directory' }).click();
    await page.waitForLoadState('domcontentloaded');
    await form.getByText('Therapists near that ZIP code are listed below: choose yours.').waitFor();
    const listing = form.getByRole('group', { name: 'Therapist' }).locator('input[type=radio][name=therapist]:not([value=""])').first();
    therapist = Number(await listing.getAttribute('value'));
    await listing.check();
  }
  await answerStep(page, answers, { within: 'form#log-form section[aria-labelledby="rescreen-heading"]' });
  await form.getByRole('group', { name: 'What are you logging?' }).getByLabel(kind, { exact: true }).check();
  const dateBox = form.getByLabel('Date', { exact: true });
  await dateBox.fill(date ?? (await dateBox.getAttribute('max')));
  await form.getByLabel(/^Your average pain in the past week/).fill(String(pain));
  if (before !== undefined) await form.getByLabel(/^Pain right before the session/).fill(String(before));
  if (after !== undefined) await form.getByLabel(/^Pain right after the session/).fill(String(after));
  if (notes !== undefined) await form.getByLabel(/^Notes/).fill(notes);
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForLoadState('domcontentloaded');
  return therapist;
}

/** The outbox (`lumbar mail outbox --json`), newest first: [{ id, to, subject, body, created_at }]. */
export async function outbox() {
  return JSON.parse(await runLumbar(['mail', 'outbox', '--json', '--limit', '200']));
}
