// With JavaScript off the whole check still works: plain forms, server-rendered steps, the
// error summary, a follow-up revealed in place by CSS, the result, and the finder after it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capturing, newContext, useApp } from '../lib/harness.mjs';
import { BENIGN_WOMAN, completeCheck, progressOf, startFromHome } from '../lib/check.mjs';

const app = useApp();

test('JavaScript disabled: the full check works, and the finder after it', { timeout: 120_000 }, async (t) => {
  const ctx = await newContext(app, { javaScriptEnabled: false });
  ctx.setDefaultTimeout(10_000);
  t.after(() => ctx.close());
  const page = await ctx.newPage();
  await capturing(page, 'no-javascript', async () => {
    // Proof that scripts really are off: a script-set marker never appears.
    await page.goto('/');
    await page.setContent('<p id="m">off</p><script>document.getElementById("m").textContent = "on"</script>');
    assert.equal(await page.locator('#m').innerText(), 'off', 'scripts do not run in this context');

    await startFromHome(page);

    // Continue with nothing answered: the server says what is missing, with links to it.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForLoadState('domcontentloaded');
    const summary = page.locator('.error-summary');
    assert.match(await summary.innerText(), /There is a problem/);
    assert.ok((await summary.getByRole('link').count()) > 1, 'each unanswered question is linked');
    assert.match(await page.title(), /^Error:/);
    assert.equal((await progressOf(page)).step, 1, 'still on step 1');

    // Then fill it all in (as a woman: the pregnancy question shows once "Female" is
    // chosen, without a script and without a round trip).
    const seen = await completeCheck(page, BENIGN_WOMAN, {
      onStep: async (p, { step }) => {
        if (step !== 2) return;
        const pregnant = p.locator('.question[data-field=pregnancy]');
        assert.equal(await pregnant.isVisible(), false, 'hidden before "Female"');
        await p.getByRole('group', { name: /What is your sex/ }).getByLabel('Female', { exact: true }).check();
        assert.equal(await pregnant.isVisible(), true, 'revealed by CSS');
      },
    });
    assert.deepEqual(seen.map((s) => s.step), [1, 2, 3, 4, 5], 'each step once');

    assert.ok(await page.getByRole('heading', { level: 1, name: 'Your result' }).isVisible());
    assert.match(await page.locator('section.verdict').innerText(), /Massage is a reasonable option for you/);

    // And on from the result: the screened finder is plain forms too.
    await page.getByRole('link', { name: 'Find a therapist' }).click();
    await page.getByLabel('ZIP code').fill('98101');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('heading', { name: 'Results' }).waitFor();
    assert.ok((await page.locator('ol.results > li').count()) > 0, 'therapists listed near 98101');
  });
});
