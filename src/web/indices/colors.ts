/**
 * Colours of index classes. Status and dynamics classes carry a severity (0 = best … 1 = worst);
 * the colour follows it on ColorBrewer RdYlGn (Brewer & Harrower, colorbrewer2.org): green for the
 * best, a pale yellow for the middle, red for the worst — the reading of the Berlin MSS maps
 * (high status green, very low status red). In the status/dynamics matrix the status gives the hue
 * and the dynamics the shade, as in the MSS Gesamtindex matrix: a positive dynamics is lighter, a
 * negative one darker.
 */

/** RdYlGn, 5 classes, best (green) to worst (red). */
const STOPS = ['#1a9641', '#a6d96a', '#ffffbf', '#fdae61', '#d7191c'] as const;

/** Fill of areas that take no part in the index (validity rules: too few inhabitants, excluded). */
export const INVALID_FILL = '#c4c7cc';
/** Fill of valid areas without a class (e.g. a value missing or suppressed). */
export const NO_CLASS_FILL = '#f4f4f4';

type Rgb = [number, number, number];

const toRgb = (hex: string): Rgb => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
];
const toHex = (rgb: Rgb): string =>
  `#${rgb
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

/**
 * The colour of a class by its severity, interpolated in RGB between the RdYlGn stops.
 * @param severity 0 (best) … 1 (worst); clamped
 * @example severityColor(0) // '#1a9641'
 * @example severityColor(0.5) // '#ffffbf'
 */
export function severityColor(severity: number): string {
  const s = Number.isFinite(severity) ? Math.min(1, Math.max(0, severity)) : 0.5;
  const pos = s * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(pos));
  return toHex(mix(toRgb(STOPS[i] as string), toRgb(STOPS[i + 1] as string), pos - i));
}

function toHsl([r, g, b]: Rgb): [number, number, number] {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h =
    max === rn ? (gn - bn) / d + (gn < bn ? 6 : 0) : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
  return [h / 6, s, l];
}

function fromHsl([h, s, l]: [number, number, number]): Rgb {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const channel = (t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  return [channel(h + 1 / 3) * 255, channel(h) * 255, channel(h - 1 / 3) * 255];
}

/**
 * The colour of a matrix cell: hue from the status severity, shade from the dynamics severity —
 * positive lighter, stable as the status colour, negative darker (in HSL: lightness −0.2 with a
 * little less saturation, which keeps dark yellows from turning muddy olive).
 * @example matrixColor(1, 0.5) === severityColor(1) // true
 */
export function matrixColor(statusSeverity: number, dynamicsSeverity: number): string {
  const base = toRgb(severityColor(statusSeverity));
  const d = Number.isFinite(dynamicsSeverity) ? Math.min(1, Math.max(0, dynamicsSeverity)) : 0.5;
  const shift = (d - 0.5) * 2; // −1 positive … +1 negative
  if (shift === 0) return toHex(base);
  const [h, s, l] = toHsl(base);
  return toHex(
    shift < 0
      ? fromHsl([h, s, l + (1 - l) * 0.45 * -shift])
      : fromHsl([h, s * (1 - 0.25 * shift), Math.max(0, l - 0.2 * shift)]),
  );
}

/**
 * Black or white text, whichever reads better on a fill (WCAG relative luminance).
 * @example textOn('#d7191c') // '#ffffff'
 */
export function textOn(fill: string): '#000000' | '#ffffff' {
  const lin = toRgb(fill).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * (lin[0] ?? 0) + 0.7152 * (lin[1] ?? 0) + 0.0722 * (lin[2] ?? 0);
  // contrast with black (l + 0.05) / 0.05 against white 1.05 / (l + 0.05): equal at l ≈ 0.179
  return l > 0.179 ? '#000000' : '#ffffff';
}

/**
 * A colour washed out towards white, for areas outside the selected matrix cell.
 * @example fade('#d7191c') // a pale red
 */
export function fade(fill: string, amount = 0.75): string {
  return toHex(mix(toRgb(fill), [255, 255, 255], amount));
}
