/**
 * The federal care assumptions every database starts with, to be replaced by the Land's
 * Pflegestatistik (rates by age, often by sex) and the Kreis's own settings shares.
 *
 * Rates: Pflegestatistik 2019, Deutschlandergebnisse (Statistisches Bundesamt, 15.12.2020). The
 * published anchors are 70–74: about 8 %, 85–89: 49 %, 90 and older: 76 %; the other bands are
 * rounded approximations of the same table, and say so in the source line.
 * Settings: of 4.13 million in need at the end of 2019, 2.33 million were cared for mainly by
 * relatives (56.4 %), 0.98 million at home with ambulant services (23.7 %), 0.82 million in
 * residential homes (19.9 %). Tagespflege guests live at home and are counted there by the
 * statistics; the default plans 2 % of the persons in need as Tagespflege guests, taken from the
 * relatives' share — an assumption to set locally.
 */
import type { CareAssumptions } from './care-rates.ts';

export const PFLEGESTATISTIK_2019: CareAssumptions = {
  key: 'pflegestatistik_2019',
  name: 'Pflegequoten Deutschland 2019 (Pflegestatistik)',
  source:
    'Statistisches Bundesamt, Pflegestatistik 2019, Deutschlandergebnisse: Pflegequoten 70–74 rund 8 %, ' +
    '85–89 49 %, ab 90 76 % (übrige Altersgruppen gerundet angenähert); Versorgungsarten 2019: ' +
    'Angehörige 56,4 %, ambulant 23,7 %, vollstationär 19,9 %; Tagespflege 2 % und Auslastung als ' +
    'örtliche Annahme',
  rateYear: 2019,
  bands: [
    { from: 0, to: 15, rate: 0.014 },
    { from: 15, to: 60, rate: 0.011 },
    { from: 60, to: 65, rate: 0.033 },
    { from: 65, to: 70, rate: 0.05 },
    { from: 70, to: 75, rate: 0.08 },
    { from: 75, to: 80, rate: 0.145 },
    { from: 80, to: 85, rate: 0.263 },
    { from: 85, to: 90, rate: 0.49 },
    { from: 90, to: null, rate: 0.76 },
  ],
  shares: { angehoerige: 0.544, ambulant: 0.237, tagespflege: 0.02, stationaer: 0.199 },
  occupancy: { stationaer: 0.95, tagespflege: 0.9 },
  trend: 1,
};
