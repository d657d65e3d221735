/**
 * The column names of a CSV key table, read in the browser so that the planner can choose the
 * columns before anything is sent. Same rules as the server's reader (src/areas/derive/key-csv.ts):
 * BOM dropped, the delimiter is `;`, tab or `,` – whichever splits the first line into most parts –,
 * quoted names unquoted (`""` is a quote), blanks around names trimmed.
 *
 * @example csvHeader('\uFEFFPlanungsraum;"Bezirk"\r\n01100101;01') // ['Planungsraum', 'Bezirk']
 */
export function csvHeader(text: string): string[] {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((best, d) =>
    header.split(d).length > header.split(best).length ? d : best,
  );
  const names: string[] = [];
  let name = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i];
    if (quoted) {
      if (c !== '"') name += c;
      else if (header[i + 1] === '"') {
        name += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && name.trim() === '') {
      quoted = true;
      name = '';
    } else if (c === delimiter) {
      names.push(name.trim());
      name = '';
    } else name += c;
  }
  names.push(name.trim());
  return names;
}
