/**
 * How we start Debian's Chromium everywhere (browser tests, benchmarks, report rendering):
 * the same arguments as the PDF renderer (headless, as root without sandbox, without background
 * networking, which this machine's closed network would refuse many times over).
 */
import { CHROMIUM_ARGS } from '../src/reports/pdf.ts';

export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
};
