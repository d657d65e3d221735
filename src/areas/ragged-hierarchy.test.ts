/**
 * A ragged hierarchy on every engine: the small Kreis (src/test/kreis-fixture.ts) where Cestadt
 * alone plans in Sozialräume between Gemeinde and Wohnplatz. The import places the new level
 * between the two, the Wohnplätze nest in Sozialräume in Cestadt and in Gemeinden elsewhere, the
 * counts sum up either way, and the small Wohnplatz „Kleinhof“ inside a Sozialraum cannot be
 * recovered by an anonymous visitor from Sozialraum, Gemeinde and Kreis values (the attacker of
 * src/attacker, by arithmetic on every public route).
 */
import { describe, expect, it } from 'vitest';
import { findLeaks, formatFindings, injectTransport } from '../attacker/index.ts';
import { nodeKey, readFrame } from '../attacker/frame.ts';
import { Visitor } from '../attacker/visitor.ts';
import { readTruth } from '../attacker/truth.ts';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import { engines } from '../test/databases.ts';
import { useKreisFixtureApp } from '../test/kreis-fixture-app.ts';
import { fixtureGemeinden, KREIS_DATES, SMALL_IN_SOZIALRAUM, SOZIALRAEUME } from '../test/kreis-fixture.ts';
import type { AreaLevel, AreaSummary } from './area.schema.ts';

const DATE = KREIS_DATES.at(-1)!;
const CESTADT = '09190133';
const GEMEINDEN = fixtureGemeinden(true);
/** Inhabitants of every Wohnplatz at the last Stichtag, as the fixture delivers them. */
const EW = new Map(GEMEINDEN.flatMap((g) => g.places.map((p) => [p.key, p.ew] as const)));
const sum = (keys: readonly string[]) => keys.reduce((s, k) => s + EW.get(k)!, 0);

describe.each(engines)('a ragged hierarchy (Sozialräume in one Gemeinde) on $name', (engine) => {
  const kreis = useKreisFixtureApp(engine, { sozialraeume: true });

  const values = async (level: string, cookie?: string) => {
    const res = await kreis.app.inject({
      url: `/api/indicators/einwohner/values?level=${level}&date=${DATE}`,
      headers: cookie ? { cookie } : {},
    });
    expect(res.statusCode).toBe(200);
    return res.json<IndicatorValues>();
  };
  const byId = (v: IndicatorValues) => new Map(v.values.map((x) => [x.id, x]));

  it('places the partial level between Gemeinde and Wohnplatz', async () => {
    const levels = (await kreis.app.inject('/api/areas/levels')).json<AreaLevel[]>();
    expect(levels.map((l) => [l.key, l.rank, l.parent, l.partial])).toEqual([
      ['stadt', 0, null, false],
      ['gemeinde', 1, 'stadt', false],
      ['sozialraum', 2, 'gemeinde', true],
      ['wohnplatz', 3, 'gemeinde', false],
    ]);
    const wps = (await kreis.app.inject('/api/areas?level=wohnplatz')).json<AreaSummary[]>();
    const of = (key: string) => wps.find((w) => w.id === key)!;
    expect(of(SMALL_IN_SOZIALRAUM)).toMatchObject({ parent: '09190133S01', parentLevel: 'sozialraum' });
    expect(of('09190111001')).toMatchObject({ parent: '09190111', parentLevel: 'gemeinde' });
  });

  it('sums Wohnplätze into Sozialräume, Sozialräume into the Gemeinde, all into the Kreis', async () => {
    const sr = byId(await values('sozialraum', kreis.admin));
    for (const s of SOZIALRAEUME) expect(sr.get(s.key)?.value, s.name).toBe(sum(s.places));
    const gem = await values('gemeinde', kreis.admin);
    const cestadt = byId(gem).get(CESTADT)!.value;
    const cestadtPlaces = GEMEINDEN.find((g) => g.key === CESTADT)!.places.map((p) => p.key);
    expect(cestadt).toBe(SOZIALRAEUME.reduce((s, x) => s + sr.get(x.key)!.value!, 0));
    expect(cestadt).toBe(sum(cestadtPlaces));
    expect(byId(gem).get('09190111')!.value).toBe(sum(GEMEINDEN[0]!.places.map((p) => p.key)));
    // the Kreis is the whole of every Wohnplatz, counted once
    expect(gem.city.value).toBe(sum([...EW.keys()]));
    expect((await values('wohnplatz', kreis.admin)).city.value).toBe(sum([...EW.keys()]));
  });

  it('names the parent’s own level in profiles: Sozialraum in Cestadt, Gemeinde elsewhere', async () => {
    const steckbrief = async (key: string) => {
      const res = await kreis.app.inject({
        url: `/api/profiles/wohnplatz/${key}`,
        headers: { cookie: kreis.admin },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ area: { parent: string; parentName: string; parentLevelName: string } }>().area;
    };
    expect(await steckbrief('09190133002')).toMatchObject({
      parent: '09190133S02',
      parentName: 'Cestadt-Land',
      parentLevelName: 'Sozialraum',
    });
    expect(await steckbrief('09190122001')).toMatchObject({
      parent: '09190122',
      parentLevelName: 'Gemeinde',
    });
    const profile = await kreis.app.inject(`/api/areas/wohnplatz/09190133002/profile?date=${DATE}`);
    expect(profile.statusCode, profile.body).toBe(200);
    expect(profile.json<{ area: object }>().area).toMatchObject({
      parent: '09190133S02',
      parentName: 'Cestadt-Land',
      parentLevel: 'sozialraum',
    });
  });

  it('keeps the small Wohnplatz and its Sozialraum from giving each other away', async () => {
    const wp = byId(await values('wohnplatz'));
    expect(wp.get(SMALL_IN_SOZIALRAUM)).toMatchObject({ value: null, status: 'secret' });
    const sr = byId(await values('sozialraum'));
    const mitte = sr.get(SOZIALRAEUME[0].key)!;
    const cestadtCentre = wp.get('09190133001')!;
    // published together, Sozialraum minus its other Wohnplatz would be Kleinhof
    expect(mitte.status === 'secret' || cestadtCentre.status === 'secret').toBe(true);
  });

  it('lets an anonymous visitor recover no secret cell from any public route', async () => {
    const f = await findLeaks(
      injectTransport(kreis.app),
      (frame) => readTruth(kreis.db, frame),
      'Musterland',
      {
        lpRounds: 0,
      },
    );
    expect(f.secretCounts).toBeGreaterThan(0);
    expect(f.recovered, formatFindings(f)).toEqual([]);
    expect(f.insufficient, formatFindings(f)).toEqual([]);
    expect(f.unsound, formatFindings(f)).toEqual([]);
    // the attacker knew the ragged tree: Kleinhof under its Sozialraum, not under the Gemeinde
    const frame = await readFrame(new Visitor(injectTransport(kreis.app)));
    expect(frame.nodes.get(nodeKey('wohnplatz', SMALL_IN_SOZIALRAUM))?.parent).toBe(
      nodeKey('sozialraum', '09190133S01'),
    );
    expect(frame.children.get(nodeKey('gemeinde', CESTADT))).toEqual([
      nodeKey('sozialraum', '09190133S01'),
      nodeKey('sozialraum', '09190133S02'),
    ]);
  }, 600_000);
});
