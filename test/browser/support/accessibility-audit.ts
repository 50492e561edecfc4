import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './app-fixture';

/** WCAG 2.0 and 2.1, levels A and AA: every axe rule tagged with them runs. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The rules behind "every control has an accessible name". All but aria-dialog-name (a best practice in axe, added
 * because every dialog here must be named) carry a WCAG A tag today; listing them makes sure they keep running
 * should axe ever retag one.
 */
const namingRules = [
  'button-name',
  'input-button-name',
  'label',
  'aria-input-field-name',
  'aria-toggle-field-name',
  'select-name',
  'link-name',
  'image-alt',
  'aria-command-name',
  'aria-progressbar-name',
  'aria-dialog-name',
];

/**
 * Lets every finite animation and transition end (spinners run forever and are left alone): axe would judge a
 * colour halfway through a fade. Two frames first, for a class that a component adds on the next frame.
 */
async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    for (let round = 0; round < 20; round += 1) {
      await nextFrame();
      await nextFrame();
      const running = document.getAnimations().filter((animation) => animation.playState === 'running' && animation.effect?.getComputedTiming().endTime !== Infinity);
      if (running.length === 0) return;
      // An animation cancelled on the way (its element removed) rejects: that too is an end.
      await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
    }
  });
}

/**
 * Runs axe over the whole page as it is now (dialogs and what lies behind them) and expects no violation, listing
 * each one readably otherwise. `screen` names the state in the failure message.
 */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  // A pointer left over a button would have axe judge its hover colours, which no one reads for long.
  await page.mouse.move(0, 0);
  await settleAnimations(page);
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: wcagTags }, rules: Object.fromEntries(namingRules.map((rule) => [rule, { enabled: true }])) })
    .analyze();
  const ran = new Set([...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((rule) => rule.id));
  expect(namingRules.filter((rule) => !ran.has(rule)), `${screen}: naming rules that did not run`).toEqual([]);
  const findings = results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact ?? 'unrated'}) at ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`),
  );
  expect(findings, `${screen}: axe findings`).toEqual([]);
}
