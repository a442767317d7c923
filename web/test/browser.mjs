// Launches Debian's Chromium through playwright-core with the flags this
// environment needs (no downloads, no background network, fresh profile).
import { chromium } from 'playwright-core';
import fs from 'node:fs';

export async function launch() {
  const exe = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(exe)) throw new Error(`${exe} not found: apt-get install -y chromium`);
  const browser = await chromium.launch({
    executablePath: exe,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // playwright itself starts Chromium with a fresh temporary --user-data-dir
    // (and refuses one in args), which it removes on close.
  });
  const close = async () => {
    await browser.close().catch(() => {});
  };
  return { browser, close };
}
