import { existsSync } from 'node:fs';

/** Debian's Chromium (CI installs it: `.ci/run`). Browser tests are skipped, saying why, when it is missing. */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const NO_BROWSER_REASON = 'Chromium not found at /usr/bin/chromium: install Debian\'s chromium (apt-get install -y chromium) to run the browser tests';
