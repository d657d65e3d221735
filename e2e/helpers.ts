import { expect, type Page } from '@playwright/test';
import { knownDemoPassword } from '../src/demo/demo-users.ts';

export const MAP_READY = '[data-testid=map][data-ready=true]';

/**
 * For what takes long on a busy machine (a load of 8 on 2 cores): a map drawn, a report rendered,
 * the robustness of an index computed. Only a failing test waits this long.
 */
export const SLOW = { timeout: 90_000 };

export type Rgb = [number, number, number];

/** Opens the atlas and waits until the first choropleth is on screen. */
export async function openAtlas(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator(MAP_READY)).toBeVisible(SLOW);
}

/**
 * Decodes a PNG in the page (no image library needed) and counts its colours.
 * @returns colours with their pixel counts, most frequent first, and the total pixel count
 */
export async function pngColours(
  page: Page,
  png: Buffer,
): Promise<{ colours: [Rgb, number][]; total: number }> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('2d context unavailable');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const colours = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 200)
      .map(([key, n]): [[number, number, number], number] => [[key >> 16, (key >> 8) & 255, key & 255], n]);
    return { colours, total: canvas.width * canvas.height };
  }, png.toString('base64'));
}

/** Parses `rgb(r, g, b)` as returned by getComputedStyle. */
export function parseRgb(css: string): Rgb {
  const [r = 0, g = 0, b = 0] = (css.match(/\d+/g) ?? []).map(Number);
  return [r, g, b];
}

export const near = (a: Rgb, b: Rgb, tolerance = 4) =>
  a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= tolerance);

/**
 * A pixel (relative to the map element) well inside one rendered area, found through the map
 * instance exposed to automated browsers; scans from the centre outwards.
 */
export async function pointInsideArea(
  page: Page,
): Promise<{ x: number; y: number; id: string; name: string }> {
  const found = await page.evaluate(() => {
    const map = window.__lagebildMap;
    if (!map) throw new Error('window.__lagebildMap is not exposed');
    const { clientWidth: w, clientHeight: h } = map.getCanvas();
    const idAt = (x: number, y: number) => {
      const feature = map.queryRenderedFeatures([x, y], { layers: ['areas-fill'] })[0];
      return feature ? { id: String(feature.id), name: String(feature.properties.name) } : null;
    };
    const candidates: [number, number][] = [];
    for (let gy = 0.2; gy <= 0.8; gy += 0.04)
      for (let gx = 0.2; gx <= 0.8; gx += 0.04) candidates.push([gx * w, gy * h]);
    candidates.sort(
      (a, b) => Math.hypot(a[0] - w / 2, a[1] - h / 2) - Math.hypot(b[0] - w / 2, b[1] - h / 2),
    );
    for (const [x, y] of candidates) {
      const hit = idAt(x, y);
      // all four neighbours 8 px away in the same area: not on a border
      if (
        hit &&
        [
          [8, 0],
          [-8, 0],
          [0, 8],
          [0, -8],
        ].every(([dx = 0, dy = 0]) => idAt(x + dx, y + dy)?.id === hit.id)
      ) {
        return { x: Math.round(x), y: Math.round(y), ...hit };
      }
    }
    return null;
  });
  if (!found) throw new Error('no area found on the map');
  return found;
}

/** Milliseconds from the last selection change to the last completed redraw (performance marks of the app). */
export async function lastSwitchMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const select = performance.getEntriesByName('lagebild:select').at(-1);
    const drawn = performance.getEntriesByName('lagebild:drawn').at(-1);
    return select && drawn ? Math.round(drawn.startTime - select.startTime) : Number.NaN;
  });
}

/**
 * Logs in as a demo user through the API; page.request shares the browser context's cookies.
 * The server under test loads the demo with the known passwords (`--demo-passwords`).
 */
export async function login(page: Page, username: 'admin' | 'planer' | 'gast'): Promise<void> {
  const response = await page.request.post('/api/auth/login', {
    data: { username, password: knownDemoPassword(username) },
  });
  expect(response.ok()).toBe(true);
}
