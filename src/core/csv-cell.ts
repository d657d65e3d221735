/** Cells of the German CSV files the app writes (`;`-separated), shared by every export. */

/** Spreadsheet formula injection: cells starting with = + - @ (or tab/CR) are prefixed with '. */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field, quoted when it holds the separator, a quote or a line break. */
export const csvField = (s: string) => (/[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
