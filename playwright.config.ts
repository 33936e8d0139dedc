// End-to-end tests. The same spec files drive the real Electron app where its binary is
// installed, and otherwise the built renderer in Debian's Chromium with the browser host
// (see tests/e2e/fixtures.ts). Playwright never downloads a browser here.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.OW_E2E_PORT ?? 4317);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Whole counter flows (set-up, several sign-ins at 600,000 PBKDF2 iterations, printing) on a
  // two-core machine: generous per-test time, short per-step expectations.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    screenshot: 'only-on-failure',
    trace: 'off',
    locale: 'zh-CN',
    viewport: { width: 1366, height: 800 },
  },
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
