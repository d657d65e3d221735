import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

type Result = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** WCAG 2.0 and 2.1, levels A and AA, and axe's best practices (landmarks, headings, regions). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * A violation fails the test when it is serious or critical, or concerns the landmarks (their names
 * are how screen reader users move between the parts of a page); the rest is printed.
 */
const fails = (v: Result) =>
  v.impact === 'serious' || v.impact === 'critical' || v.id.startsWith('landmark-');

/** One line per violation and one per element: rule, impact, help and the element's selector. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'ohne Gewicht'}): ${v.help} – ${v.helpUrl}\n` +
        v.nodes
          .map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, ' ')}`)
          .join('\n'),
    )
    .join('\n');
}

/**
 * Runs axe-core on the page as it is (frames included, nothing excluded) and expects no violation
 * that fails (see above). Call it once the page shows its end state, not while it loads.
 * @param label names the page and role in the failure message
 */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const other = violations.filter((v) => !fails(v));
  if (other.length > 0) console.log(`[axe] ${label}: moderate or minor\n${describeViolations(other)}`);
  // compared as text: the failure shows the violations, not a diff of axe's result objects
  expect(describeViolations(violations.filter(fails)), `axe-core on ${label}`).toBe('');
}
