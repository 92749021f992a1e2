// Back, Reload and a second tab, as people use them (issue #9): every page of the check, the
// result, the list, a profile and the feedback thank-you is a GET, so Back and Reload show the
// previous page, never Chromium's "Confirm Form Resubmission" (net::ERR_CACHE_MISS), and no
// form is posted again. On a desktop and on a phone.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PHONE, newContext, steps, useApp } from '../lib/harness.mjs';
import { BENIGN_ADULT, completeCheck, progressOf } from '../lib/check.mjs';

const app = useApp();

/** Counts the POSTs the page sends (Back and Reload must send none). */
function watchPosts(page) {
  const posts = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url());
  });
  return posts;
}

/** Back, or Reload, and assert it showed a page without posting anything. */
async function noResubmit(page, posts, what) {
  const before = posts.length;
  if (what === 'back') await page.goBack();
  else if (what === 'forward') await page.goForward();
  else await page.reload();
  await page.waitForLoadState('domcontentloaded');
  assert.equal(posts.length, before, `${what} posted a form again: ${posts.slice(before).join(', ')}`);
  assert.ok(!/chrome-error|ERR_CACHE_MISS/.test(page.url()), `${what} gave an error page`);
}

const h1 = async (page) => (await page.locator('h1').innerText()).trim();

for (const [label, options] of [['desktop', {}], ['phone', PHONE]]) {
  test(`Back and Reload from every page (${label})`, { timeout: 240_000 }, async (t) => {
    const ctx = await newContext(app, options);
    ctx.setDefaultTimeout(10_000);
    t.after(() => ctx.close());
    const page = await ctx.newPage();
    const posts = watchPosts(page);
    let total = 0;

    await steps(t, [
      ['every step reloads in place, with its answers', async () => {
        await page.goto('/check');
        await completeCheck(page, BENIGN_ADULT, {
          onStep: async (p, { step, total: n }) => {
            total = n;
            if (step === 1) return;
            // the step before this one, reloaded: its answers are there
            await noResubmit(p, posts, 'back');
            assert.equal((await progressOf(p)).step, step - 1, 'Back shows the previous step');
            assert.ok(await p.locator('form#check-form input:checked').count(), 'with its answers checked');
            await noResubmit(p, posts, 'reload');
            assert.equal((await progressOf(p)).step, step - 1, 'Reload shows the same step');
            await noResubmit(p, posts, 'forward');
            assert.equal((await progressOf(p)).step, step, 'Forward comes back');
          },
        });
        assert.equal(await h1(page), 'Your result');
      }],
      ['the result reloads, Back goes to the last step, Forward returns', async () => {
        await noResubmit(page, posts, 'reload');
        assert.equal(await h1(page), 'Your result');
        await noResubmit(page, posts, 'back');
        assert.equal((await progressOf(page)).step, total, 'the last step');
        await noResubmit(page, posts, 'forward');
        assert.equal(await h1(page), 'Your result');
      }],
      ['a second tab shows the same result', async () => {
        const tab = await ctx.newPage();
        await tab.goto('/check/result');
        assert.equal(await h1(tab), 'Your result');
        assert.equal(await tab.locator('main').getAttribute('data-triage'), 'massage_suitable');
        await tab.close();
      }],
      ['the list: Reload, a profile, Back to the list, "Search for other therapists"', async () => {
        await page.getByRole('link', { name: 'Find a therapist for me' }).click();
        await page.getByLabel('ZIP code').fill('98101');
        await page.getByRole('button', { name: 'Search', exact: true }).click();
        await page.getByRole('heading', { name: 'Results' }).waitFor();
        assert.ok(await page.getByRole('heading', { name: 'Your safety check is applied to this list' }).isVisible());
        const listUrl = page.url();
        await noResubmit(page, posts, 'reload');
        assert.ok((await page.locator('ol.results > li').count()) > 0, 'the list again');
        const first = page.locator('ol.results > li h3 a').first();
        const name = (await first.innerText()).trim();
        await first.click();
        await page.waitForURL(/\/therapists\/\d+/);
        assert.equal(await h1(page), name);
        await noResubmit(page, posts, 'reload');
        assert.equal(await h1(page), name);
        await noResubmit(page, posts, 'back');
        assert.equal(page.url(), listUrl, 'Back is the same list');
        assert.ok((await page.locator('ol.results > li').count()) > 0);
        await noResubmit(page, posts, 'forward');
        await page.getByRole('link', { name: 'Search for other therapists' }).click();
        await page.getByRole('heading', { name: 'Results' }).waitFor();
        assert.equal(await page.getByLabel('ZIP code').inputValue(), '98101', 'the same ZIP');
        assert.ok(await page.getByRole('heading', { name: 'Your safety check is applied to this list' }).isVisible(), 'and the screening');
      }],
      ['feedback returns to the list with a thank-you; Reload and Back post nothing', async () => {
        const form = page.locator('section.feedback form');
        await form.getByRole('group', { name: /Was this .* helpful/ }).getByLabel('Yes', { exact: true }).check();
        await form.getByRole('button', { name: 'Send feedback' }).click();
        await page.waitForURL(/feedback=thanks/);
        assert.match(await page.locator('section.feedback [role=status]').innerText(), /Thank you/);
        assert.ok((await page.locator('ol.results > li').count()) > 0, 'still the list');
        const sent = posts.length;
        await noResubmit(page, posts, 'reload');
        assert.match(await page.locator('section.feedback [role=status]').innerText(), /Thank you/);
        await noResubmit(page, posts, 'back');
        assert.equal(posts.length, sent);
        assert.ok((await page.locator('ol.results > li').count()) > 0, 'the list before the feedback');
      }],
      ['"Forget my answers" ends the screened list', async () => {
        await page.getByRole('button', { name: 'Forget my answers' }).first().click();
        await page.waitForURL(/\/check/);
        await page.goto('/check/result');
        assert.match(page.url(), /\/check$/, 'no result without answers: back to the start');
      }],
    ], { page });
  });
}
