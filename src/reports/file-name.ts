/**
 * German file names for report downloads and the `Content-Disposition` header that carries them:
 * the UTF-8 name in `filename*` (RFC 6266 / RFC 8187) and an ASCII fallback in `filename` for
 * old clients (ä → ae, ß → ss; other characters become `_`).
 */

const UMLAUTS: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'Ae',
  Ö: 'Oe',
  Ü: 'Ue',
  ß: 'ss',
};

/**
 * A file name from its parts: words joined by `-`, characters that file systems or headers
 * refuse removed, umlauts kept.
 * @example reportFileName(['Steckbrief', 'Nordstadt'], '2024-12-31', 'pdf') // 'Steckbrief-Nordstadt-2024-12-31.pdf'
 * @example reportFileName(['Steckbrief (zwei Seiten)', 'Alt-Süd'], '2024-12-31', 'docx') // 'Steckbrief-zwei-Seiten-Alt-Süd-2024-12-31.docx'
 */
export function reportFileName(parts: string[], date: string, ext: string): string {
  const words = [...parts, date]
    .join(' ')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return `${words.join('-').replace(/-{2,}/g, '-').slice(0, 150)}.${ext}`;
}

/** The ASCII fallback of a file name. @example asciiFileName('Süd-Übersicht.pdf') // 'Sued-Uebersicht.pdf' */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[äöüÄÖÜß]/g, (c) => UMLAUTS[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * `Content-Disposition` value with both names.
 * @example contentDisposition('inline', 'Süd.pdf') // `inline; filename="Sued.pdf"; filename*=UTF-8''S%C3%BCd.pdf`
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${asciiFileName(name)}"; filename*=UTF-8''${encoded}`;
}
