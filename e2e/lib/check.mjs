// Filling in the safety check the way a person does: read each question, pick the radio
// whose label says the answer, type into the text boxes, press Continue.
//
// Answers are keyed by a distinctive piece of the question text; a question on a page that
// no key matches fails the test (so a new question in the catalogue is noticed here).

import assert from 'node:assert/strict';

/** A benign adult (35, male, three weeks of gradual low back pain, no warning signs) with
 * preferences: the check ends in "massage is suitable". */
export const BENIGN_ADULT = {
  // 1. warning signs
  'numbness or tingling around your genitals': 'No',
  'trouble starting to pee': 'No',
  'getting or keeping an erection': 'No',
  'new weakness in a leg': 'No',
  'numbness, pins and needles or burning in a leg': 'No',
  'LEFT side': 'It stays in my back',
  'RIGHT side': 'It stays in my back',
  'What started this back pain': 'It came on gradually',
  'chest pain': 'No',
  'sudden, severe belly or back pain': 'No',
  'fever, chills or night sweats': 'No',
  'ever had cancer': 'No',
  // 2. about you
  'How old are you': { fill: '35' },
  'What is your sex': 'Male',
  // 3. your pain
  'How long has this episode': { fill: '3 weeks' },
  'How bad is your pain right now': '4',
  'on average in the past week': '4',
  'enjoyment of life': '3',
  'general activity': '3',
  'Over the last few days': 'Getting better',
  'new in the last 3 months': 'No',
  'cough, sneeze or strain': 'No',
  'pain at night': 'It does not bother me at night',
  'stiff for more than 30 minutes': 'No',
  'better when you move or exercise': 'No',
  'walk or stand for a while': 'No',
  'between your shoulder blades': 'No',
  'lump or swelling': 'No',
  // 4. other symptoms
  'lost weight recently': 'No',
  'pulsing or throbbing': 'No',
  'aortic aneurysm': 'No',
  'pain in your side': 'No',
  'burn when you pee': 'No',
  // 5. health and medicines
  'osteoporosis': 'No',
  'steroid tablets': 'No',
  'immune system weakened': 'No',
  'injected drugs': 'No',
  'spine surgery or an injection': 'No',
  'any other operation': 'No',
  'cast or boot': 'No',
  'broken a bone': 'No',
  'Blood clots': 'I have never had a blood clot',
  'medicine that thins the blood': 'No',
  'bleeding disorder': 'No',
  'wound, burn, rash': 'No',
  'uncontrolled high blood pressure': 'No',
  'diabetes with numb feet': 'No',
  'chronic kidney disease': 'No',
  'varicose veins': 'No',
  'spinal cord stimulator': 'No',
  // 6. preferences
  'style of massage': 'Swedish (relaxing)',
  'How firm would you like the pressure': 'Medium',
  'most like massage to do for you': 'Help me relax',
};

/** The same person, but a woman: the pregnancy question waits on the same page and shows
 * once "Female" is chosen. */
export const BENIGN_WOMAN = { ...BENIGN_ADULT, 'What is your sex': 'Female', 'pregnant, or did you give birth': 'No' };

/** Step number and total from the progress indicator ("Step 2 of 6" and <progress>). */
export async function progressOf(page) {
  const text = (await page.locator('.progress-text').innerText()).trim();
  const m = text.match(/Step (\d+) of (\d+)/);
  assert.ok(m, `progress text "${text}" does not read "Step N of M"`);
  const bar = page.locator('progress');
  assert.equal(await bar.getAttribute('value'), m[1], 'the progress bar agrees with the text');
  assert.equal(await bar.getAttribute('max'), m[2], 'the progress bar agrees with the text');
  return { step: Number(m[1]), total: Number(m[2]) };
}

function keyFor(answers, text) {
  const keys = Object.keys(answers).filter((k) => text.includes(k));
  assert.ok(keys.length > 0, `no answer given for the question "${text}"`);
  assert.ok(keys.length === 1, `question "${text}" matches several answer keys: ${keys.join(', ')}`);
  return keys[0];
}

/** Answers every question shown on the current step page, one by one (no "None of
 * these"); a follow-up revealed by an answer is answered once it shows. Returns the taps.
 * `within` is the selector of the part of the page holding the questions (the check's form;
 * the re-screen of a plan's log page uses the same question markup). */
export async function answerStep(page, answers, { within = 'form#check-form' } = {}) {
  const questions = page.locator(`${within} .question`);
  const n = await questions.count();
  assert.ok(n > 0, `${within} shows at least one question`);
  const done = new Set();
  let taps = 0;
  for (let pass = 0; pass < 4; pass++) {
    let answered = 0;
    for (let i = 0; i < n; i++) {
      const q = questions.nth(i);
      if (done.has(i) || !(await q.isVisible())) continue;
      const heading = q.locator('legend, label.question-label').first();
      const text = (await heading.innerText()).replace(/\s+/g, ' ').trim();
      const answer = answers[keyFor(answers, text)];
      if (typeof answer === 'string') {
        // A radio, chosen by the text of its label.
        await q.getByLabel(answer, { exact: true }).check();
      } else {
        await q.locator('input.input').fill(answer.fill);
      }
      done.add(i);
      answered++;
      taps++;
    }
    if (answered === 0) break;
  }
  return taps;
}

/**
 * Fills in the whole check from the current page (the first step) until it leaves the
 * steps: answers each page item by item and presses Continue / See my result. Checks the
 * progress indicator moves forward one step at a time (a step may come back once with a
 * new question). `onStep(page, progress)` runs on each step page before it is answered.
 * Returns the list of steps seen.
 */
export async function completeCheck(page, answers = BENIGN_ADULT, { onStep } = {}) {
  const seen = [];
  for (let guard = 0; guard < 20; guard++) {
    if ((await page.locator('.progress-text').count()) === 0) return seen; // stop or result page
    const p = await progressOf(page);
    if (seen.length) {
      const last = seen[seen.length - 1];
      assert.ok(p.step === last.step || p.step === last.step + 1, `progress went from ${last.step} to ${p.step}`);
      if (p.step === last.step) {
        await assertNoErrors(page);
        assert.ok(await page.getByText('New question').count(), 'a step only comes back to ask a new question');
      }
    }
    seen.push(p);
    if (onStep) await onStep(page, p);
    await answerStep(page, answers);
    await page.locator('form#check-form').getByRole('button', { name: /^(Continue|See my result)/ }).click();
    await page.waitForLoadState('domcontentloaded');
  }
  throw new Error('the check did not end after 20 pages');
}

/** The text a field's answer is given as: radios by value, text boxes typed. */
function valueOf(answers, field) {
  const v = field.startsWith('preferences.') ? answers.preferences?.[field.slice(12)] : answers[field];
  if (v === undefined || v === null) return undefined;
  if (field === 'duration_weeks') return { fill: `${v} weeks` };
  if (field === 'age') return { fill: String(v) };
  return String(v);
}

/**
 * Fills in the whole check from the current page as a person with these answers (the
 * contract's JSON, e.g. a vignette's `answers`) would, counting taps: a checklist whose
 * every item is the person's "nothing to report" answer (its `data-none`) is answered with
 * one tap on "None of these", anything else item by item; follow-ups are answered when they
 * show; optional questions without an answer are left. One tap = one radio, one checkbox,
 * one text box filled, or one button. Returns { taps, pages }.
 */
export async function fillCheckAsPerson(page, answers, { useNone = true } = {}) {
  let taps = 0;
  let pages = 0;
  for (let guard = 0; guard < 20; guard++) {
    if ((await page.locator('.progress-text').count()) === 0) return { taps, pages };
    pages++;
    await assertNoErrors(page);
    const form = page.locator('form#check-form');
    let submitted = false;
    const done = new Set();
    // checklists first: decide "None of these" or item by item
    const lists = form.locator('fieldset.checklist');
    const noneButtons = [];
    for (let c = 0; c < (await lists.count()); c++) {
      const list = lists.nth(c);
      const items = list.locator('.question[data-none]');
      let nothing = useNone;
      for (let i = 0; i < (await items.count()) && nothing; i++) {
        const field = await items.nth(i).getAttribute('data-field');
        nothing = valueOf(answers, field) === (await items.nth(i).getAttribute('data-none'));
      }
      if (!nothing) continue;
      for (let i = 0; i < (await items.count()); i++) done.add(await items.nth(i).getAttribute('data-field'));
      const box = list.locator('.none-of-these input[type=checkbox]');
      if (await box.count()) {
        await box.check();
        taps++;
      } else {
        noneButtons.push(list.locator('.none-of-these button'));
      }
    }
    // every other visible question, until no new one shows (follow-ups)
    for (let pass = 0; pass < 4; pass++) {
      let answered = 0;
      const qs = form.locator('.question[data-field]');
      for (let i = 0; i < (await qs.count()); i++) {
        const q = qs.nth(i);
        const field = await q.getAttribute('data-field');
        if (done.has(field) || !(await q.isVisible())) continue;
        done.add(field);
        const v = valueOf(answers, field);
        if (v === undefined) {
          assert.ok(field.startsWith('preferences.'), `no answer for the required question ${field}`);
          continue;
        }
        if (typeof v === 'string') await q.locator(`input[name="${field}"][value="${v}"]`).check();
        else await q.locator('input.input').fill(v.fill);
        taps++;
        answered++;
      }
      if (answered === 0) break;
    }
    if (noneButtons.length) {
      await noneButtons[0].click();
      submitted = true;
    } else {
      await form.getByRole('button', { name: /^(Continue|See my result|Continuar|Ver mi resultado)/ }).click();
    }
    taps++;
    void submitted;
    await page.waitForLoadState('domcontentloaded');
  }
  throw new Error('the check did not end after 20 pages');
}

/** Fails with the error summary's text when the page shows one. */
export async function assertNoErrors(page) {
  const summary = page.locator('.error-summary');
  if (await summary.count()) assert.fail(`the step shows errors: ${await summary.innerText()}`);
}

/** Opens the check from the home page's "Start the check" button. */
export async function startFromHome(page) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Start the check' }).click();
  await page.waitForURL('**/check');
}

/** Answers the first step with saddle numbness = yes; everything else there left blank. */
export async function answerEmergency(page) {
  await page.getByRole('group', { name: /numbness or tingling around your genitals/ }).getByLabel('Yes', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForLoadState('domcontentloaded');
}

/** No horizontal scroll: the page is no wider than the viewport. `innerWidth` is the
 * layout viewport's width (documentElement.clientWidth): on a mobile (isMobile) context
 * window.innerWidth grows with content wider than the screen, so it cannot show overflow. */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const el = document.scrollingElement;
    return { scrollWidth: el.scrollWidth, innerWidth: document.documentElement.clientWidth };
  });
}
