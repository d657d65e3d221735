/**
 * The README screenshot (docs/atlas.png): the atlas of the demo city with an area profile open.
 * Not a test of `npm test` (which must leave the tracked files as they are): it runs only in the
 * playwright project `readme-screenshot`, defined when asked – `npm run screenshot`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { openAtlas, pointInsideArea } from './helpers.ts';
import { useServer } from './server.ts';

const README_SCREENSHOT = fileURLToPath(new URL('../docs/atlas.png', import.meta.url));

useServer();

test('the README screenshot: the atlas with an area profile open', async ({ page }) => {
  await openAtlas(page);
  const { x, y } = await pointInsideArea(page);
  await page.getByTestId('map').click({ position: { x, y } });
  const panel = page.getByTestId('side-panel');
  await expect(panel.getByTestId('series-chart').locator('svg')).toBeVisible();
  await expect(panel.getByTestId('profile-table')).toBeVisible();
  mkdirSync(dirname(README_SCREENSHOT), { recursive: true });
  await page.screenshot({ path: README_SCREENSHOT, fullPage: true });
  console.log(`README screenshot written: ${README_SCREENSHOT}`);
});
