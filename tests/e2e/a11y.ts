// axe-core on every screen the end-to-end suite visits. A watcher per page notices each new screen
// (the route, and which dialogs, menus and lists are open), waits until it is still, and runs axe
// on it; shot() and the end of each test check the screen in front of them too. Serious and
// critical violations fail the test at its end with one readable line per fault (rule, target,
// summary, the screens it was seen on). OW_E2E_AXE=off turns the check off for local debugging.
//
// The app's CSP (script-src 'self') refuses page.addScriptTag, so axe's source goes in through
// page.evaluate, which the DevTools protocol runs outside the page's CSP.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export const a11yEnabled = process.env.OW_E2E_AXE !== 'off';

/** One serious or critical fault on one element. */
export interface A11yFault {
  rule: string;
  impact: string;
  help: string;
  target: string;
  summary: string;
  html: string;
}

/** What identifies a screen: the route and the open dialogs, menus and lists. */
const signatureScript = `(() => {
  const open = [...document.querySelectorAll('[role=dialog],[role=alertdialog],[role=menu],[role=listbox],[role=tooltip]')]
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => el.getAttribute('role') + ':' + (el.getAttribute('aria-labelledby') ?? el.getAttribute('aria-label') ?? ''));
  const h1 = document.querySelector('h1')?.textContent ?? '';
  return location.hash + ' | ' + h1 + ' | ' + open.join(',');
})()`;

async function inject(page: Page) {
  const has = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!has) await page.evaluate(axeSource);
}

/** Waits (at most 3 s) until no animation runs and the DOM has not changed for 250 ms. */
async function settle(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const started = performance.now();
        let last = performance.now();
        const observer = new MutationObserver(() => (last = performance.now()));
        observer.observe(document, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        const tick = () => {
          const running = document.getAnimations().some((a) => a.playState === 'running');
          if (running) last = performance.now();
          if (performance.now() - last >= 250 || performance.now() - started > 3000) {
            observer.disconnect();
            done();
          } else setTimeout(tick, 50);
        };
        setTimeout(tick, 50);
      }),
  );
}

/** Runs axe on the page as it is now; the serious and critical faults. */
export async function axeFaults(page: Page): Promise<A11yFault[]> {
  await inject(page);
  return page.evaluate(async () => {
    type Node = { target: unknown[]; failureSummary?: string; html: string };
    type Result = { id: string; impact: string | null; help: string; nodes: Node[] };
    const w = window as unknown as {
      axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Result[] }> };
      owAxeQueue?: Promise<unknown>;
    };
    // One axe run at a time in a page: the suite's watcher and a test's own check can ask at the
    // same moment, and axe refuses a second run while one is going ("Axe is already running").
    const run = (w.owAxeQueue ?? Promise.resolve())
      .catch(() => undefined)
      .then(() =>
        w.axe.run(document, {
          resultTypes: ['violations'],
          // Experimental in axe 4, but what a voice-control user meets: a name that differs
          // from the visible label.
          rules: { 'label-content-name-mismatch': { enabled: true } },
        }),
      );
    w.owAxeQueue = run;
    const result = await run;
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) =>
        v.nodes.map((n) => ({
          rule: v.id,
          impact: v.impact ?? '',
          help: v.help,
          target: n.target.map(String).join(' >> '),
          summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
          html: n.html.slice(0, 160),
        })),
      );
  });
}

/** One paragraph per rule: its elements, one summary, the screens it was seen on. */
export function formatFaults(
  seen: Map<string, { fault: A11yFault; screens: Set<string> }>,
): string {
  const byRule = new Map<string, { fault: A11yFault; targets: string[]; screens: Set<string> }>();
  for (const { fault, screens } of seen.values()) {
    const entry = byRule.get(fault.rule) ?? { fault, targets: [], screens: new Set<string>() };
    entry.targets.push(fault.target);
    for (const s of screens) entry.screens.add(s);
    byRule.set(fault.rule, entry);
  }
  return [...byRule.values()]
    .map(
      ({ fault: f, targets, screens }) =>
        `- [${f.impact}] ${f.rule} (${targets.length}): ${f.help}\n` +
        `    e.g. ${f.html}\n    ${f.summary}\n` +
        `    targets: ${targets.join(' | ')}\n    on: ${[...screens].join('; ')}`,
    )
    .join('\n');
}

const gone =
  /Target page, context or browser has been closed|Execution context was destroyed|navigation|Frame was detached|has been closed/i;

/** The watcher of one page: checks each new screen, collects the faults. */
export class A11yWatcher {
  readonly seen = new Map<string, { fault: A11yFault; screens: Set<string> }>();
  /** axe runs that failed for another reason than the page going away. */
  readonly errors: string[] = [];
  private checked = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  private polling = false;

  constructor(private readonly page: Page) {}

  start() {
    if (!a11yEnabled) return;
    this.timer = setInterval(() => void this.poll(), 400);
    this.page.on('framenavigated', (frame) => {
      if (frame === this.page.mainFrame()) void this.poll();
    });
  }

  private async signature(): Promise<string | null> {
    try {
      return (await this.page.evaluate(signatureScript)) as string;
    } catch {
      return null;
    }
  }

  private async poll() {
    if (this.stopped || this.polling) return;
    this.polling = true;
    try {
      const sig = await this.signature();
      if (sig !== null && !this.checked.has(sig)) await this.check();
    } finally {
      this.polling = false;
    }
  }

  /**
   * Checks the screen in front of the page (named `label` in the report, else by its route).
   * Results of a screen that changed while axe ran are dropped: the new screen gets its own run.
   */
  check(label?: string): Promise<void> {
    if (!a11yEnabled) return Promise.resolve();
    const run = async () => {
      if (this.stopped) return;
      try {
        await settle(this.page);
        const before = await this.signature();
        if (before === null || (label === undefined && this.checked.has(before))) return;
        const faults = await axeFaults(this.page);
        const after = await this.signature();
        if (after !== before) return;
        this.checked.add(before);
        const screen = label ? `${label} (${before})` : before;
        for (const fault of faults) {
          const key = `${fault.rule} ${fault.target}`;
          const entry = this.seen.get(key) ?? { fault, screens: new Set<string>() };
          entry.screens.add(screen);
          this.seen.set(key, entry);
        }
      } catch (e) {
        if (!this.stopped && !gone.test(String(e))) this.errors.push(String(e).split('\n')[0]!);
      }
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  /** Stops watching; the faults seen, or '' when there were none. */
  async finish(): Promise<string> {
    if (this.timer) clearInterval(this.timer);
    await this.queue.catch(() => undefined);
    await this.check('end of test').catch(() => undefined);
    this.stopped = true;
    const errors = this.errors.map((e) => `- axe could not run: ${e}`).join('\n');
    return [formatFaults(this.seen), errors].filter(Boolean).join('\n');
  }

  /** Forgets what was seen (for the spec that shows the check can fail). */
  forget() {
    this.seen.clear();
    this.errors.length = 0;
  }
}

const watchers = new WeakMap<Page, A11yWatcher>();

export function watch(page: Page): A11yWatcher {
  const w = new A11yWatcher(page);
  watchers.set(page, w);
  w.start();
  return w;
}

export function watcherOf(page: Page): A11yWatcher | undefined {
  return watchers.get(page);
}
