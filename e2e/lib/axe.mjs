// axe-core on a page, WCAG 2.0 A/AA, 2.1 AA and 2.2 AA rules: zero violations, and when
// there are some, every one with its rule, impact, the selectors of the failing nodes and
// axe's own summary, so the failure says what to fix.

import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';

export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const why = (n.failureSummary || '').replace(/\s*\n\s*/g, ' ').trim();
          return `    - ${n.target.join(' ')}\n      ${n.html.replace(/\s+/g, ' ').slice(0, 240)}\n      ${why}`;
        })
        .join('\n');
      return `  ${v.id} [${v.impact}] ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'})\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** Runs axe on the page as it is now; fails listing every violation. */
export async function assertAccessible(page, label, t) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  if (t && results.incomplete.length) {
    t.diagnostic(`${label}: axe could not decide (review by hand): ${results.incomplete.map((i) => `${i.id}×${i.nodes.length}`).join(', ')}`);
  }
  if (results.violations.length) {
    const text = `${label} (${page.url()}): ${results.violations.length} axe violation(s)\n${formatViolations(results.violations)}`;
    console.error(text);
    assert.fail(text);
  }
  return results;
}
