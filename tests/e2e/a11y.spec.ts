// The accessibility check itself can fail: a screen with deliberate faults is reported by axe
// with the rule and the element, and the watcher of the suite picks the faulty screen up on its
// own. (Every other spec is checked by the watcher in fixtures.ts: it fails at its end on any
// serious or critical violation.)
import { test, expect, checkA11y } from './fixtures';
import { a11yEnabled, axeFaults, watcherOf } from './a11y';

test.skip(!a11yEnabled, 'OW_E2E_AXE=off');

/** Adds a nameless icon button and a grey-on-white text: two faults axe calls critical / serious. */
async function addFaults(app: import('@playwright/test').Page) {
  await app.evaluate(() => {
    const box = document.createElement('div');
    box.id = 'deliberate-faults';
    box.innerHTML =
      '<button id="nameless-button"><svg width="16" height="16"></svg></button>' +
      '<p id="pale-text" style="color:#bbb;background:#fff">淡色文字</p>';
    document.body.appendChild(box);
  });
}

test('axe reports a deliberate fault with its rule and element, and the watcher catches it', async ({
  app,
}) => {
  await expect(app.getByTestId('setup-submit')).toBeVisible({ timeout: 20_000 });
  // The set-up screen as it is has none.
  expect(await axeFaults(app)).toEqual([]);

  await addFaults(app);
  const faults = await axeFaults(app);
  expect(faults.map((f) => [f.rule, f.impact, f.target])).toEqual([
    ['button-name', 'critical', '#nameless-button'],
    ['color-contrast', 'serious', '#pale-text'],
  ]);
  expect(faults[1]!.summary).toContain('insufficient color contrast');

  // The suite's watcher: checking this screen records both faults, so the test would fail.
  const watcher = watcherOf(app)!;
  await checkA11y(app, 'deliberate');
  const report = [...watcher.seen.values()].map(({ fault, screens }) => [
    fault.rule,
    fault.target,
    [...screens].some((s) => s.startsWith('deliberate (')),
  ]);
  expect(report).toEqual([
    ['button-name', '#nameless-button', true],
    ['color-contrast', '#pale-text', true],
  ]);
  // Take the faults away again so this test itself passes.
  await app.evaluate(() => document.getElementById('deliberate-faults')!.remove());
  watcher.forget();
});
