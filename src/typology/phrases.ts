/**
 * German phrases that name a type by a salient indicator, for the catalogue's indicators. A type
 * lies above (`high`) or below (`low`) the mean of the areas; every phrase is relative to that
 * mean ("hohe Kinderarmut" = higher than in most areas), which is why changes are phrased as a
 * favourable or unfavourable development rather than as rising or falling.
 * Indicators not listed here get the generic template „<Name> hoch“ / „<Name> niedrig“.
 */
export const TYPE_PHRASES: Readonly<Record<string, { high: string; low: string }>> = {
  einwohner: { high: 'viele Einwohner', low: 'wenige Einwohner' },
  bevoelkerungsentwicklung_5j: {
    high: 'stärkeres Bevölkerungswachstum',
    low: 'schwächeres Bevölkerungswachstum',
  },
  bevoelkerungsentwicklung_1j: {
    high: 'stärkeres Bevölkerungswachstum',
    low: 'schwächeres Bevölkerungswachstum',
  },
  frauenanteil: { high: 'hoher Frauenanteil', low: 'niedriger Frauenanteil' },
  anteil_u6: { high: 'viele Kleinkinder', low: 'wenige Kleinkinder' },
  anteil_u18: { high: 'junge Bevölkerung', low: 'wenige Minderjährige' },
  anteil_18_64: { high: 'viele Menschen im Erwerbsalter', low: 'wenige Menschen im Erwerbsalter' },
  anteil_65plus: { high: 'ältere Bevölkerung', low: 'wenige Ältere' },
  hochaltrige: { high: 'viele Hochaltrige', low: 'wenige Hochaltrige' },
  jugendquotient: { high: 'hoher Jugendquotient', low: 'niedriger Jugendquotient' },
  altenquotient: { high: 'hoher Altenquotient', low: 'niedriger Altenquotient' },
  veraenderung_65plus_5j: { high: 'stärkere Alterung', low: 'schwächere Alterung' },
  kinder_u3: { high: 'viele Kinder unter 3', low: 'wenige Kinder unter 3' },
  kinder_3_5: { high: 'viele Kinder von 3 bis 5', low: 'wenige Kinder von 3 bis 5' },
  haushalte_mit_kindern: { high: 'viele Familien mit Kindern', low: 'wenige Familien mit Kindern' },
  alleinerziehende: { high: 'viele Alleinerziehende', low: 'wenige Alleinerziehende' },
  sgb2_quote: { high: 'hohe SGB-II-Quote', low: 'niedrige SGB-II-Quote' },
  sgb2_je_1000: { high: 'viele SGB-II-Leistungsberechtigte', low: 'wenige SGB-II-Leistungsberechtigte' },
  elb_quote: { high: 'hohe ELB-Quote', low: 'niedrige ELB-Quote' },
  kinderarmut: { high: 'hohe Kinderarmut', low: 'geringe Kinderarmut' },
  sgb2_quote_veraenderung_2j: {
    high: 'ungünstige Entwicklung der SGB-II-Quote',
    low: 'günstige Entwicklung der SGB-II-Quote',
  },
  kinderarmut_veraenderung_2j: {
    high: 'ungünstige Entwicklung der Kinderarmut',
    low: 'günstige Entwicklung der Kinderarmut',
  },
  sgb2_quote_trend_5j: {
    high: 'ungünstiger Trend der SGB-II-Quote',
    low: 'günstiger Trend der SGB-II-Quote',
  },
  arbeitslosenanteil: { high: 'hohe Arbeitslosigkeit', low: 'niedrige Arbeitslosigkeit' },
  arbeitslose_sgb2_anteil: { high: 'viele Arbeitslose im SGB II', low: 'wenige Arbeitslose im SGB II' },
  arbeitslosenanteil_veraenderung_2j: {
    high: 'ungünstige Entwicklung der Arbeitslosigkeit',
    low: 'günstige Entwicklung der Arbeitslosigkeit',
  },
  grundsicherung_alter: { high: 'hohe Altersarmut', low: 'geringe Altersarmut' },
  grundsicherung_alter_veraenderung_5j: {
    high: 'ungünstige Entwicklung der Altersarmut',
    low: 'günstige Entwicklung der Altersarmut',
  },
  einpersonenhaushalte_65: { high: 'viele allein lebende Ältere', low: 'wenige allein lebende Ältere' },
  auslaenderanteil: { high: 'hoher Ausländeranteil', low: 'niedriger Ausländeranteil' },
  auslaenderanteil_u18: {
    high: 'viele ausländische Minderjährige',
    low: 'wenige ausländische Minderjährige',
  },
  einpersonenhaushalte: { high: 'viele Einpersonenhaushalte', low: 'wenige Einpersonenhaushalte' },
  haushaltsgroesse: { high: 'große Haushalte', low: 'kleine Haushalte' },
};

/**
 * The phrase for an indicator lying above or below the mean.
 * @example typePhrase('kinderarmut', 'Kinderarmut (SGB II unter 15)', 'high') // 'hohe Kinderarmut'
 * @example typePhrase('x', 'Wohndauer', 'low') // 'Wohndauer niedrig'
 */
export function typePhrase(key: string, name: string, direction: 'high' | 'low'): string {
  const known = TYPE_PHRASES[key];
  if (known) return known[direction];
  return `${name} ${direction === 'high' ? 'hoch' : 'niedrig'}`;
}
