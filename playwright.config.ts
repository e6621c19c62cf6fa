import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const ci = Boolean(process.env.CI);

/**
 * The browser to drive: $CHROMIUM_PATH if set, else Debian's or Ubuntu's chromium, else Playwright's own
 * build (only present where `npx playwright install chromium` could download it).
 * scripts/test-all.mjs searches the same places before it starts Playwright.
 */
function chromiumPath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
}

const executablePath = chromiumPath();
const args = ['--disable-gpu', '--disable-dev-shm-usage'];
if (process.getuid?.() === 0) args.unshift('--no-sandbox');

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  forbidOnly: ci,
  retries: 0,
  workers: ci ? 1 : undefined,
  reporter: ci ? [['list'], ['json', { outputFile: 'reports/e2e.json' }]] : [['list']],
  use: {
    baseURL: 'http://localhost:4173',
    headless: true,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { ...(executablePath ? { executablePath } : {}), args },
      },
    },
  ],
  webServer: {
    command: 'npx vite preview --port 4173 --strictPort',
    url: 'http://localhost:4173',
    reuseExistingServer: !ci,
    timeout: 60_000,
  },
});
