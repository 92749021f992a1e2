// The web check is exactly as safe as the engine (issue #9, item 10): every public vignette,
// filled in through the pages as a person would (a checklist with nothing to report answered
// with one tap on "None of these"), ends with the triage and findings `lumbar screen --json`
// gives for the same answers — and that the vignette expects. Taps are counted per persona;
// a person with nothing to report needs at most 20 (the target, a count, not a time).
//
// The counts are printed as diagnostics and a table (TAPS …) that docs/testing.md records.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { REPO, newContext, saveFailure, useApp } from '../lib/harness.mjs';
import { fillCheckAsPerson } from '../lib/check.mjs';

// 41 people × 5 posts: above the per-IP limit meant for the public (30 a minute).
const app = useApp({ env: { LUMBAR_RATE_LIMIT_BURST: '10000', LUMBAR_RATE_LIMIT_PER_MINUTE: '10000' } });
const vignettes = JSON.parse(readFileSync(resolve(REPO, 'crates/lumbar-core/tests/data/vignettes-public.json'), 'utf8')).vignettes;
const bin = process.env.LUMBAR_BIN || resolve(REPO, 'target', 'debug', 'lumbar');

/** `lumbar screen --json` on these answers: { triage, findings: [ids] }. */
function engine(answers, dir) {
  const file = join(dir, 'answers.json');
  writeFileSync(file, JSON.stringify(answers));
  const out = JSON.parse(execFileSync(bin, ['screen', '--json', file], { encoding: 'utf8' }));
  return { triage: out.triage, findings: out.findings.map((f) => f.id), levels: Object.fromEntries(out.findings.map((f) => [f.id, f.triage])) };
}

/** A benign adult with nothing to report: the vignette-free persona of the tap target. */
const NOTHING_TO_REPORT = {
  saddle_numbness: false, bladder_or_bowel_change: false, new_sexual_dysfunction: false, leg_weakness: 'none',
  leg_numbness_or_tingling: 'none', chest_pain_or_breathless: false, collapse_signs: false, fever_or_chills: false,
  cancer: 'never', pain_spread_left: 'back_only', pain_spread_right: 'back_only', trauma: 'none',
  age: 35, sex: 'male', duration_weeks: 3, pain_now: 4, pain_average_week: 4, interference_enjoyment: 3,
  interference_activity: 3, pain_trend: 'improving', pain_new_or_changed: true, pain_worse_with_cough_or_sneeze: false,
  night_pain: 'none', morning_stiffness_over_30_min: false, stiffness_eases_with_exercise: false, leg_pain_on_walking: 'none',
  upper_back_pain: false, back_lump_or_shape_change: false, unexplained_weight_loss: false, abdominal_pulsation: false,
  known_aortic_aneurysm: false, flank_pain_or_blood_in_urine: false, new_urinary_burning_or_frequency: false,
  osteoporosis: false, long_term_steroids: false, immunosuppressed: false, injection_drug_use: 'never', spine_procedure: 'none',
  major_surgery_within_6_weeks: false, recent_immobilisation: false, recent_fracture_or_injury: false, blood_clot: 'none',
  blood_thinner: 'none', bleeding_disorder: false, skin_problem_at_site: false, heart_condition_uncontrolled: false,
  diabetes_neuropathy: false, kidney_disease: false, varicose_veins: false, implanted_device: false,
  // not asked of this person (the contract's answers for a question that does not apply)
  pregnancy: 'no', pregnancy_high_risk: false, labour_signs: false, leg_pain_worse_than_back: false, blood_thinner_problem: false,
};

test('every public vignette through the web form gives the engine\'s triage and findings; taps counted', { timeout: 900_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'lumbar-vignettes-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const counts = [];
  const personas = [{ id: 'nothing-to-report', answers: NOTHING_TO_REPORT, expected: null }, ...vignettes];
  for (const v of personas) {
    await t.test(v.id, async () => {
      const ctx = await newContext(app);
      ctx.setDefaultTimeout(10_000);
      const page = await ctx.newPage();
      try {
        await page.goto('/check');
        const { taps, pages } = await fillCheckAsPerson(page, v.answers);
        const main = page.locator('main');
        const web = { triage: await main.getAttribute('data-triage'), findings: ((await main.getAttribute('data-findings')) || '').split(' ').filter(Boolean) };
        const eng = engine(v.answers, dir);
        assert.equal(web.triage, eng.triage, `${v.id}: triage`);
        if (web.triage === 'emergency') {
          // The stop page lists the emergencies that stopped the check, in the engine's order.
          const emergencies = eng.findings.filter((id) => eng.levels[id] === 'emergency');
          assert.deepEqual(web.findings, emergencies, `${v.id}: the settled emergencies`);
        } else {
          assert.deepEqual(web.findings, eng.findings, `${v.id}: findings`);
        }
        if (v.expected) {
          assert.equal(web.triage, v.expected.triage, `${v.id}: the vignette's expected triage`);
          for (const id of v.expected.findings) assert.ok(eng.findings.includes(id), `${v.id}: expected finding ${id}`);
        }
        counts.push({ id: v.id, triage: web.triage, taps, pages });
      } catch (e) {
        await saveFailure(page, `vignette-${v.id}`);
        throw e;
      } finally {
        await ctx.close();
      }
    });
  }
  const nothing = counts.find((c) => c.id === 'nothing-to-report');
  if (nothing) {
    t.diagnostic(`nothing to report: ${nothing.taps} taps over ${nothing.pages} pages`);
    assert.ok(nothing.taps <= 20, `a person with nothing to report needs ${nothing.taps} taps (target: at most 20)`);
  }
  console.log(`TAPS ${JSON.stringify(counts)}`);
});
