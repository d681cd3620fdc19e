/** Debian's Chromium for the browser tests (.ci/run installs it); playwright never downloads a browser here. */
import { existsSync } from 'node:fs';

/** Where Debian puts Chromium. */
export const CHROMIUM = '/usr/bin/chromium';

/** Headless, sandbox off (tests run as root), nothing that reaches the network by itself. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether Chromium is installed. In CI (CI=true) a missing Chromium must fail the browser tests, not skip them. */
export const haveChromium = existsSync(CHROMIUM);
