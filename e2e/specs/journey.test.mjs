// After the check (issue #10, the first acceptance bullet), on a phone (390×844, touch): sign
// up → take the check → keep it in the account (My back lists it) → start a massage plan →
// log 4 sessions without a meaningful improvement (average pain 6, 6, 5, 6 from a start of
// 6) → the plan says massage is not helping and suggests a doctor or physical therapist,
// with the chart and its table → review the listing of a logged session → a re-screen with
// a new red flag (saddle numbness) stops the plan, the 911 call first → share the intake:
// the link opened in a second browser context without an account (the therapist's
// precautions card; no-store, no-referrer, noindex), revoked → 404 there → download my data
// (lumbar.export/1 with the saved check) → delete the account → signed out, signing in
// fails, the account gone. Then a password reset through the outbox (`lumbar mail outbox
// --json` on the servers' database), and the account pages on a desktop screen.
//
// axe (WCAG 2.0 A/AA, 2.1 AA, 2.2 AA) runs on every page of the journey as it is shown, and
// no page scrolls sideways on the phone.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { PHONE, newContext, runLumbar, steps, useApp } from '../lib/harness.mjs';
import { assertAccessible } from '../lib/axe.mjs';
import { BENIGN_ADULT, completeCheck } from '../lib/check.mjs';
import { CHANGED, assertNoSideScroll, logEntry, mainText, outbox, progressMessage, signIn, signOut, signUp, uniqueEmail } from '../lib/journey.mjs';

// Many POSTs from one address (sign-up, the check, five log entries, sharing…): above the
// per-IP limit meant for the public.
const app = useApp({ env: { LUMBAR_RATE_LIMIT_BURST: '1000', LUMBAR_RATE_LIMIT_PER_MINUTE: '1000' } });

/** The benign adult, with an average pain of 6 in the past week: the plan's start. */
const ANSWERS = { ...BENIGN_ADULT, 'How bad is your pain right now': '6', 'on average in the past week': '6' };
/** The re-screen at each log entry: nothing new, nothing changed. */
const RESCREEN = { ...ANSWERS, [CHANGED]: 'No' };
/** The re-screen with a new red flag: numbness around the genitals (cauda equina). */
const RED_FLAG = { ...RESCREEN, 'numbness or tingling around your genitals': 'Yes' };

const PASSWORD = 'a walk along the river';

/** axe and no sideways scrolling on the page as it is now, as a subtest of `t`: a violation
 * fails it (and `t`) with every problem listed, and the journey goes on. */
async function checkPage(page, label, t) {
  await t.test(`axe, no sideways scrolling: ${label}`, async (st) => {
    await assertAccessible(page, label, st);
    await assertNoSideScroll(page, label);
  });
}

/** The "Is massage helping?" section of a plan page. */
const statusOf = (page) => page.locator('main section[aria-labelledby="status-heading"]');

test('journey on a phone: sign up → keep a check → plan → 4 sessions not helping → red flag stops it → share link → export → delete', { timeout: 600_000 }, async (t) => {
  const ctx = await newContext(app, PHONE);
  ctx.setDefaultTimeout(15_000);
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  // the therapist's browser: no account
  let other = null;
  t.after(() => other?.close());
  let otherPage = null;

  const email = uniqueEmail('journey');
  let checkId = null;
  let planId = null;
  let therapistId = null;
  let shareLink = null;

  await steps(t, [
    ['sign up (/signup, its error state) → signed in, on My back', async (st) => {
      const resp = await page.goto('/signup');
      assert.equal(resp.status(), 200);
      assert.ok(await page.getByRole('heading', { level: 1, name: 'Create an account' }).isVisible());
      await checkPage(page, 'signup', st);
      await page.locator('main').getByRole('button', { name: 'Create my account' }).click();
      await page.locator('.error-summary').waitFor();
      assert.match(await page.locator('.error-summary').innerText(), /Enter your email address/);
      await checkPage(page, 'signup with errors', st);

      await signUp(page, email, PASSWORD);
      await page.waitForURL((u) => u.pathname === '/my-back');
      assert.ok(await page.getByRole('heading', { level: 1, name: 'My back' }).isVisible());
      assert.match(await mainText(page), new RegExp(`Signed in as ${email.replace(/[.]/g, '\\.')}`));
      assert.match(await mainText(page), /You have not kept a check yet/);
      await checkPage(page, 'my-back (empty)', st);
    }],
    ['the check with benign answers → the result, with "Keep this check in my account"', async (st) => {
      await page.goto('/check');
      const seen = await completeCheck(page, ANSWERS);
      assert.equal(seen.length, seen[0].total, 'every step shown once');
      await page.getByRole('heading', { level: 1, name: 'Your result' }).waitFor();
      assert.match(await page.locator('section.verdict').innerText(), /Massage is a reasonable option for you/);
      assert.ok(await page.getByRole('heading', { level: 2, name: 'Keep this check in my account' }).isVisible());
      await checkPage(page, 'result with the save form', st);
    }],
    ['keep this check (consent ticked) → My back lists it', async (st) => {
      const save = page.locator('section.save-check');
      await save.getByLabel(/I want lumbar to keep my answers and result in my account/).check();
      await save.getByRole('button', { name: 'Keep this check' }).click();
      await page.waitForURL((u) => u.pathname === '/my-back');
      assert.match(await page.locator('main [role=status]').innerText(), /Your check was kept in your account/);
      const items = page.locator('main li.journal-item[data-check]');
      assert.equal(await items.count(), 1, 'one saved check');
      checkId = Number(await items.first().getAttribute('data-check'));
      assert.equal(await items.first().getAttribute('data-triage'), 'massage_suitable');
      assert.match(await items.first().innerText(), /Check of \d{4}-\d{2}-\d{2}/);
      assert.match(await mainText(page), /No massage plan yet/);
      await checkPage(page, 'my-back with a saved check', st);
    }],
    ['start a massage plan from it → the plan page', async (st) => {
      await page.locator(`main li[data-check="${checkId}"]`).getByRole('button', { name: 'Start a massage plan' }).click();
      await page.waitForURL(/\/plans\/\d+$/);
      planId = Number(new URL(page.url()).pathname.split('/').pop());
      assert.ok(await page.getByRole('heading', { level: 1, name: /^Massage plan started / }).isVisible());
      assert.equal(await statusOf(page).getAttribute('data-status'), 'too_early');
      assert.equal((await statusOf(page).locator('.verdict-action').innerText()).trim(), progressMessage('too_early'));
      assert.match(await mainText(page), /Nothing logged yet/);
      await checkPage(page, 'plan (nothing logged)', st);
      // My back now lists the plan, and the check opens it
      await page.goto('/my-back');
      assert.equal(await page.locator(`main li[data-plan="${planId}"]`).count(), 1, 'My back lists the plan');
      assert.ok(await page.locator(`main li[data-check="${checkId}"]`).getByRole('link', { name: 'Open the plan from this check' }).isVisible());
    }],
    ['the log page: the re-screen first, then the entry; nothing filled in → every problem named', async (st) => {
      await page.goto(`/plans/${planId}`);
      await page.locator('main').getByRole('link', { name: 'Log a session or check-in' }).click();
      await page.waitForURL(`**/plans/${planId}/log`);
      assert.ok(await page.getByRole('heading', { level: 1, name: 'Log a session or check-in' }).isVisible());
      assert.ok(await page.getByRole('heading', { level: 2, name: 'Safety questions' }).isVisible());
      assert.ok(await page.getByRole('group', { name: /numbness or tingling around your genitals/ }).isVisible(), 're-screen asks the red-flag questions');
      const rescreen = page.locator('#log-form section[aria-labelledby="rescreen-heading"]');
      assert.equal(await rescreen.locator('input[type=radio]:checked').count(), 0, 'the re-screen is asked fresh, nothing pre-filled');
      await checkPage(page, 'plan log', st);
      await page.locator('form#log-form').getByRole('button', { name: 'Save', exact: true }).click();
      await page.locator('.error-summary').waitFor();
      const summary = await page.locator('.error-summary').innerText();
      assert.match(summary, /What are you logging\? — Choose a massage session or a check-in/);
      assert.match(summary, /Enter your average pain in the past week/);
      await checkPage(page, 'plan log with errors', st);
    }],
    ['log 4 sessions, average pain 6, 6, 5, 6 (start 6): the first with a listing found near 98101', async () => {
      const pains = [6, 6, 5, 6];
      for (const [i, pain] of pains.entries()) {
        await page.goto(`/plans/${planId}/log`);
        const found = await logEntry(page, RESCREEN, {
          pain,
          before: pain,
          after: pain - 2,
          therapistNear: i === 0 ? '98101' : undefined,
          notes: i === 0 ? 'Shoulders tight; medium pressure was fine.' : undefined,
        });
        if (found) therapistId = found;
        await page.waitForURL((u) => u.pathname === `/plans/${planId}` && u.search === '?logged=1');
        assert.match(await page.locator('main [role=status]').innerText(), /Your entry was saved/);
        const status = await statusOf(page).getAttribute('data-status');
        assert.equal(status, i < pains.length - 1 ? 'too_early' : 'not_helping', `status after session ${i + 1}`);
      }
      assert.ok(therapistId, 'a listing was chosen from the directory search');
    }],
    ['the plan says massage is not helping enough and suggests a doctor or physical therapist; the chart and its table', async (st) => {
      const status = statusOf(page);
      assert.ok(await status.getByRole('heading', { level: 2, name: 'Is massage helping?' }).isVisible());
      const message = progressMessage('not_helping');
      assert.match(message, /see a doctor or a physical therapist/);
      assert.equal((await status.locator('.verdict-action').innerText()).trim(), message);
      assert.match(await status.innerText(), /6 at the start, 6 now/);
      assert.match(await status.innerText(), /4 sessions logged/);
      // the chart: an SVG image with its description, then the same numbers as a table
      const chart = page.getByRole('img', { name: /^Chart of your average pain in the past week/ });
      assert.equal(await chart.count(), 1, 'the trend chart');
      assert.equal(await chart.evaluate((el) => el.tagName.toLowerCase()), 'svg');
      assert.match(await chart.getAttribute('aria-label'), /6 at the start on \d{4}-\d{2}-\d{2}, 6 at the latest entry/);
      assert.equal(await page.getByRole('img', { name: /^Bar chart of your pain right before and right after/ }).count(), 1, 'the before/after bars');
      const table = page.getByRole('table', { name: 'Your pain scores (0 to 10), oldest first' });
      assert.ok(await table.isVisible());
      const rows = table.locator('tbody tr');
      assert.equal(await rows.count(), 5, 'the start and 4 sessions');
      const averages = [];
      for (let i = 0; i < 5; i++) averages.push((await rows.nth(i).locator('td').nth(1).innerText()).trim());
      assert.deepEqual(averages, ['6', '6', '6', '5', '6']);
      assert.match(await rows.nth(0).innerText(), /Start \(safety check\)/);
      assert.equal(await page.locator('main ol.journal-list > li').count(), 4, 'four entries listed');
      await checkPage(page, 'plan: not helping', st);
    }],
    ['review the listing of a logged session (/therapists/{id}/review)', async (st) => {
      const resp = await page.goto(`/therapists/${therapistId}/review`);
      assert.equal(resp.status(), 200);
      assert.ok(await page.getByRole('heading', { level: 1, name: /^Review / }).isVisible());
      const overall = page.getByRole('group', { name: 'Overall, how would you rate your sessions?' });
      assert.ok(await overall.isVisible(), 'the review form, for someone who logged a session there');
      await checkPage(page, 'review form', st);
      await overall.getByLabel('3 stars', { exact: true }).check();
      await page.getByRole('group', { name: /Did the therapist respect your precautions/ }).getByLabel('Yes', { exact: true }).check();
      await page.locator('main').getByRole('button', { name: 'Send my review' }).click();
      await page.waitForURL((u) => u.search === '?saved=1');
      assert.match(await page.locator('main [role=status]').innerText(), /once a moderator has read it/);
      await checkPage(page, 'review saved', st);
    }],
    ['a re-screen with a new red flag (saddle numbness) stops the plan: call 911 first', async (st) => {
      await page.goto(`/plans/${planId}/log`);
      await logEntry(page, RED_FLAG, { pain: 6 });
      await page.waitForURL((u) => u.pathname === `/plans/${planId}`);
      const main = page.locator('main');
      assert.equal(await main.getAttribute('data-status'), 'stop_warning_sign');
      // the emergency action comes before anything else on the page
      const first = main.locator(':scope > *').first();
      assert.equal(await first.getAttribute('href'), 'tel:911');
      assert.equal((await first.innerText()).trim(), 'Call 911');
      const alert = main.getByRole('alert');
      assert.ok(await alert.getByRole('heading', { level: 1, name: 'Stop: get emergency help now' }).isVisible());
      assert.match(await alert.innerText(), /Call 911 \(or your local emergency number\) now/);
      assert.ok(await main.locator('article.finding[data-rule]').count(), 'the finding that fired');
      assert.match(await mainText(page), /The massage plan has been stopped/);
      assert.equal((await statusOf(page).locator('.verdict-action').innerText()).trim(), progressMessage('stop_warning_sign'));
      assert.equal(await main.getByRole('link', { name: 'Log a session or check-in' }).count(), 0, 'a stopped plan takes no more entries');
      await checkPage(page, 'plan stopped by a red flag', st);
      await page.goto(`/plans/${planId}/log`);
      assert.equal(new URL(page.url()).pathname, `/plans/${planId}`, 'the log page of a stopped plan sends to the plan');
    }],
    ['share: from My back, choose sections, create a link', async (st) => {
      await page.goto('/my-back');
      await page.locator(`main li[data-check="${checkId}"]`).getByRole('link', { name: 'Share with a therapist' }).click();
      await page.waitForURL(`**/checks/${checkId}/share`);
      assert.ok(await page.getByRole('heading', { level: 1, name: 'Share with your massage therapist' }).isVisible());
      assert.match(await mainText(page), /No links yet/);
      await checkPage(page, 'share', st);
      const sections = page.getByRole('group', { name: 'What to share' });
      for (const [label, on] of [
        [/^Precautions from my safety check/, true],
        [/^Where my pain is/, true],
        [/^Pressure and style I prefer/, true],
        [/^Health conditions and medicines that matter/, false],
        [/^My goals/, false],
      ]) {
        await sections.getByLabel(label).setChecked(on);
      }
      await page.locator('main').getByRole('button', { name: 'Create a link' }).click();
      await page.waitForURL(`**/checks/${checkId}/share`);
      const fresh = page.locator('main section[aria-labelledby="new-link-heading"]');
      assert.ok(await fresh.getByRole('heading', { name: 'Your new link' }).isVisible());
      shareLink = await fresh.locator('a[data-share-link]').getAttribute('href');
      assert.match(shareLink, /\/shared\/[A-Za-z0-9_-]{22,}$/, 'a link with a long random token');
      assert.equal(await page.locator('main li.journal-item[data-share]').count(), 1);
      assert.match(await page.locator('main li.journal-item[data-share]').innerText(), /Works until/);
      await checkPage(page, 'share with a new link', st);
    }],
    ['the link in a second browser context, no account: the therapist precautions card; not stored, not indexed, no referrer', async (st) => {
      other = await newContext(app, PHONE);
      other.setDefaultTimeout(15_000);
      otherPage = await other.newPage();
      const resp = await otherPage.goto(shareLink);
      assert.equal(resp.status(), 200);
      const h = resp.headers();
      assert.match(h['cache-control'] || '', /no-store/);
      assert.equal(h['referrer-policy'], 'no-referrer');
      assert.match(h['x-robots-tag'] || '', /noindex/);
      assert.ok(await otherPage.getByRole('heading', { level: 1, name: 'Intake summary for my massage therapist' }).isVisible());
      // the precautions card comes first
      const card = otherPage.locator('main section.therapist-card');
      assert.ok(await card.getByRole('heading', { level: 2, name: 'Precautions for the therapist' }).isVisible());
      assert.equal(await otherPage.locator('main .intake > section').first().getAttribute('class'), 'therapist-card');
      assert.match(await card.innerText(), /The safety check found no precautions/);
      // the sections chosen, and only those
      assert.ok(await otherPage.getByRole('heading', { level: 2, name: 'Where my pain is' }).isVisible());
      assert.ok(await otherPage.getByRole('heading', { level: 2, name: 'What I would like' }).isVisible());
      assert.equal(await otherPage.getByRole('heading', { name: 'My goals' }).count(), 0, 'goals not shared');
      assert.equal(await otherPage.getByRole('heading', { name: /Health history/ }).count(), 0, 'history not shared');
      assert.match(await mainText(otherPage), /Medium/);
      assert.equal(await otherPage.locator('meta[name=robots]').getAttribute('content'), 'noindex, nofollow');
      await checkPage(otherPage, 'shared intake', st);
      // the owner sees that it was opened
      await page.reload();
      assert.match(await page.locator('main li.journal-item[data-share]').innerText(), /Opened on:/);
    }],
    ['revoke the link → the second context gets the 404 page', async (st) => {
      await page.locator('main li.journal-item[data-share]').getByRole('button', { name: 'Revoke this link' }).click();
      await page.waitForURL((u) => u.search === '?revoked=1');
      assert.match(await page.locator('main [role=status]').first().innerText(), /The link was revoked/);
      assert.match(await page.locator('main li.journal-item[data-share]').innerText(), /Revoked: it no longer opens/);
      await checkPage(page, 'share with a revoked link', st);
      const resp = await otherPage.reload();
      assert.equal(resp.status(), 404);
      assert.ok(await otherPage.getByRole('heading', { level: 1, name: 'Page not found' }).isVisible());
      assert.doesNotMatch(await mainText(otherPage), /Precautions for the therapist/);
    }],
    ['"Download my data" on /account: lumbar.export/1 with the saved check', async (st) => {
      await page.goto('/account');
      assert.ok(await page.getByRole('heading', { level: 1, name: 'Your account' }).isVisible());
      await checkPage(page, 'account', st);
      // a personal API token: the account page with its table
      await page.locator('main').getByLabel('Name of the new token').fill('my spreadsheet');
      await page.locator('main').getByRole('button', { name: 'Create a token' }).click();
      await page.waitForURL((u) => u.pathname === '/account' && u.search === '?notice=token-created');
      const secret = (await page.locator('main [data-new-token]').innerText()).trim();
      assert.ok(secret.length >= 20, 'the new token is shown once');
      assert.ok(await page.getByRole('table', { name: 'Your tokens' }).isVisible());
      await checkPage(page, 'account with a token', st);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('main').getByRole('link', { name: 'Download my data' }).click(),
      ]);
      const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.equal(doc.schema, 'lumbar.export/1');
      assert.equal(doc.account.email, email);
      assert.equal(doc.saved_checks.length, 1);
      assert.equal(doc.saved_checks[0].id, checkId);
      assert.equal(doc.saved_checks[0].doc.answers.pain_average_week, 6, 'the saved check, answers and all');
      assert.equal(doc.saved_checks[0].doc.assessment.triage, 'massage_suitable');
      assert.equal(doc.plans.length, 1);
      assert.equal(doc.plans[0].id, planId);
      assert.equal(doc.plans[0].entries.length, 5, 'four sessions and the stopping re-screen');
      assert.equal(doc.shares.length, 1);
      assert.equal(doc.reviews.length, 1);
      assert.ok(!JSON.stringify(doc).includes(PASSWORD), 'never the password');
      assert.ok(!JSON.stringify(doc).includes(shareLink.split('/').pop()), 'never a share token');
      assert.deepEqual(doc.api_tokens.map((x) => x.name), ['my spreadsheet']);
      assert.ok(!JSON.stringify(doc).includes(secret), 'never an API token');
    }],
    ['delete the account (password to confirm) → signed out; /my-back sends to /signin; signing in again fails; the account is gone', async (st) => {
      await page.goto('/account');
      const del = page.locator('main section[aria-labelledby="delete-heading"]');
      await del.getByRole('button', { name: 'Delete my account and my data' }).click();
      await page.locator('.error-summary').waitFor();
      assert.match(await page.locator('.error-summary').innerText(), /Enter your current password/);
      await checkPage(page, 'account with an error', st);
      await page.locator('main section[aria-labelledby="delete-heading"]').getByLabel('Your password, to confirm').fill(PASSWORD);
      await page.locator('main section[aria-labelledby="delete-heading"]').getByRole('button', { name: 'Delete my account and my data' }).click();
      await page.waitForURL((u) => u.pathname === '/');
      assert.match(await mainText(page), /Your account and everything saved with it are deleted, and you are signed out/);
      await page.goto('/my-back');
      assert.equal(new URL(page.url()).pathname, '/signin');
      assert.equal(new URL(page.url()).searchParams.get('next'), '/my-back');
      await checkPage(page, 'signin', st);
      await signIn(page, email, PASSWORD);
      assert.equal(new URL(page.url()).pathname, '/signin', 'still on the sign-in page');
      assert.match(await page.locator('.error-summary').innerText(), /The email address or the password is not right/);
      await checkPage(page, 'signin with errors', st);
      assert.equal((await page.goto(`/plans/${planId}`)).status(), 404);
      const users = JSON.parse(await runLumbar(['user', 'list', '--json']));
      assert.ok(!users.some((u) => u.email === email), 'the account is gone from the database');
    }],
  ], { page });
});

test('password reset through the outbox (phone)', { timeout: 180_000 }, async (t) => {
  const ctx = await newContext(app, PHONE);
  ctx.setDefaultTimeout(15_000);
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  const email = uniqueEmail('reset');
  const newPassword = 'a new password by the sea';
  let link = null;

  await steps(t, [
    ['a fresh account, signed out', async () => {
      await signUp(page, email, PASSWORD);
      await page.waitForURL((u) => u.pathname === '/my-back');
      await signOut(page);
    }],
    ['/reset with its email → "Check your email"', async (st) => {
      await page.goto('/signin');
      await page.locator('main').getByRole('link', { name: 'Forgot your password?' }).click();
      await page.waitForURL((u) => u.pathname === '/reset');
      assert.ok(await page.getByRole('heading', { level: 1, name: 'Reset your password' }).isVisible());
      await checkPage(page, 'reset', st);
      await page.locator('main').getByLabel('Email address').fill(email);
      await page.locator('main').getByRole('button', { name: 'Send me the link' }).click();
      await page.waitForURL((u) => u.pathname === '/reset/sent');
      assert.ok(await page.getByRole('heading', { level: 1, name: 'Check your email' }).isVisible());
      await checkPage(page, 'reset sent', st);
    }],
    ['the mail in the outbox (lumbar mail outbox --json) carries a one-time link', async () => {
      const mails = (await outbox()).filter((m) => m.to === email);
      assert.equal(mails.length, 1, 'one mail to this address');
      assert.equal(mails[0].subject, 'Reset your lumbar password');
      const m = mails[0].body.match(/https?:\/\/\S+\/reset\/\S+/);
      assert.ok(m, `a reset link in the mail:\n${mails[0].body}`);
      link = m[0];
      assert.equal(new URL(link).origin, app.baseURL, 'the link points at this site');
    }],
    ['open the link, choose a new password → sign in with it', async (st) => {
      const resp = await page.goto(link);
      assert.equal(resp.status(), 200);
      assert.ok(await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).isVisible());
      await checkPage(page, 'reset form', st);
      await page.locator('main').getByLabel('New password').fill(newPassword);
      await page.locator('main').getByRole('button', { name: 'Save my new password' }).click();
      await page.waitForURL((u) => u.pathname === '/signin');
      assert.match(await page.locator('main [role=status]').innerText(), /Your password is changed and you are signed out everywhere/);
      await signIn(page, email, PASSWORD);
      assert.equal(new URL(page.url()).pathname, '/signin', 'the old password no longer works');
      await signIn(page, email, newPassword);
      await page.waitForURL((u) => u.pathname === '/my-back');
      assert.ok(await page.getByRole('heading', { level: 1, name: 'My back' }).isVisible());
    }],
    ['the link works once: opened again → "This link no longer works" (410), no form', async (st) => {
      const resp = await page.goto(link);
      assert.equal(resp.status(), 410);
      assert.equal(await page.locator('main').getByLabel('New password').count(), 0, 'no form for a used link');
      await page.waitForLoadState('domcontentloaded');
      assert.ok(await page.getByRole('heading', { level: 1, name: 'This link no longer works' }).isVisible());
      await checkPage(page, 'reset link used', st);
    }],
  ], { page });
});

test('desktop (1280×800): the account pages', { timeout: 120_000 }, async (t) => {
  const ctx = await newContext(app, { viewport: { width: 1280, height: 800 } });
  ctx.setDefaultTimeout(15_000);
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  await steps(t, [
    ...[['signup', '/signup'], ['signin', '/signin'], ['reset', '/reset']].map(([label, path]) => [label, async (st) => {
      assert.equal((await page.goto(path)).status(), 200);
      await assertAccessible(page, `desktop ${label}`, st);
    }]),
    ['signed in: my-back and account', async (st) => {
      await signUp(page, uniqueEmail('desktop'), PASSWORD);
      await page.waitForURL((u) => u.pathname === '/my-back');
      await assertAccessible(page, 'desktop my-back', st);
      await page.goto('/account');
      await assertAccessible(page, 'desktop account', st);
    }],
  ], { page });
});
