import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Debian's chromium (or CHROMIUM_PATH); playwright-core brings no browser of its own. */
export function chromiumPath(): string | undefined {
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted) return existsSync(wanted) ? wanted : undefined;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * Why a browser spec cannot run here, or false when it can. In CI (`CI=true`) a missing browser
 * is not a reason to skip: `.ci/run` installs it, so the spec runs and fails saying so.
 */
export function browserSkipReason(): string | false {
  if (chromiumPath() || process.env.CI === 'true') return false;
  return 'chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH); .ci/run installs it and CI=true makes this a failure';
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new Error(
      'chromium is required for the browser specs: apt-get install -y chromium (or set CHROMIUM_PATH)',
    );
  }
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
}
