// Real headless Chromium for end-to-end tests: Debian's package, driven by playwright-core.
import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags for a quiet, sandbox-less (container) headless run that makes no network calls of its own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Set (to 1) by .ci/run: a missing Chromium fails the browser tests instead of skipping them. */
export const REQUIRE_BROWSER = process.env.CELERITY_REQUIRE_BROWSER === "1";

const INSTALL_HINT = `install it with "apt-get install -y chromium" (or set CHROMIUM_PATH)`;

/**
 * The `skip` option for browser suites: false when Chromium is there (or required, so that its
 * absence fails), else the one line that says how to get it. `npm test` on a machine without
 * Chromium thus passes, and CI (CELERITY_REQUIRE_BROWSER=1) still runs the browser tests.
 */
export function skipWithoutChromium(): string | false {
  if (REQUIRE_BROWSER || existsSync(CHROMIUM_PATH)) return false;
  return `no Chromium at ${CHROMIUM_PATH}: ${INSTALL_HINT} to run the browser tests`;
}

/** Launches Chromium, failing with install instructions when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} not found: ${INSTALL_HINT}`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Where screenshots go (gitignored), created on first use. */
export function screenshotPath(name: string): string {
  const dir = new URL("../../test-artifacts/screenshots/", import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  return `${dir}${name}.png`;
}
