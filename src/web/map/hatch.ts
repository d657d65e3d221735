import { SECRET_FILL, SECRET_HATCH } from './palette.ts';

const hex = (color: string): [number, number, number] => [
  parseInt(color.slice(1, 3), 16),
  parseInt(color.slice(3, 5), 16),
  parseInt(color.slice(5, 7), 16),
];

/**
 * A small tileable diagonal hatching (RGBA pixels) for areas whose value is secret, so they read
 * as "suppressed" and not as a low value even in greyscale print.
 */
export function hatchPattern(size = 8): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  const line = hex(SECRET_HATCH);
  const fill = hex(SECRET_FILL);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onLine = (x + y) % size < 2;
      const [r, g, b] = onLine ? line : fill;
      data.set([r, g, b, 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}
