/**
 * How we start Debian's Chromium everywhere (browser tests, benchmarks, report rendering):
 * headless, as root without sandbox, and without background networking, which this
 * machine's closed network would refuse many times over.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
