/** Small helpers for German UI texts. */

/** A number in German notation, e.g. 1.234,5. */
export const de = (n: number) => n.toLocaleString('de-DE');

/** „1 Zeile“ / „1.234 Zeilen“. */
export const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${de(n)} ${many}`);
