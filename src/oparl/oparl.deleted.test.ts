/**
 * OParl's deleted objects, on every engine: the demo council is crawled, then planners withdraw
 * and delete bodies, meetings and items (src/test/oparl-crawl.ts, `withdraw`), and it is crawled
 * again. Every URL a client saw still answers 200; what went is a minimal object with
 * `deleted: true` at its URL and in its list, found with `modified_since`, valid against the
 * official schema and without a name; publishing again brings the object back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import {
  AGS,
  ROOT,
  local,
  officialValidator,
  oparlObjects,
  startOparlDemo,
  type Json,
  type Obj,
  type OparlDemo,
} from '../test/oparl-crawl.ts';
import type { OparlPage } from './oparl.schema.ts';

const check = officialValidator();
/** What a deleted object may carry: the specification's four, and what the schema requires. */
const MINIMAL = new Set(['id', 'type', 'created', 'modified', 'deleted', 'order', 'accessUrl']);

describe.each(engines)('OParl deleted objects on $name', (engine) => {
  let demo: OparlDemo;
  let before: Map<string, Json>;
  let after: Map<string, Json>;
  let since: string;
  let gone: Record<string, number>;
  let names: string[];

  beforeAll(async () => {
    demo = await startOparlDemo(engine);
    ({ since, gone, names } = await demo.withdraw(async () => {
      before = await demo.crawl();
    }));
    after = await demo.crawl();
  }, 300_000);
  afterAll(async () => {
    await demo?.close();
  });

  const json = async (url: string) => {
    const res = await demo.get(local(url));
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json<Obj>();
  };
  const deletedUrls = () => {
    const { ids } = demo;
    return [
      `${ROOT}/organization/${gone.withdrawnBody}`,
      `${ROOT}/organization/${gone.deletedBody}`,
      `${ROOT}/meeting/${gone.withdrawnBodyMeeting}`,
      `${ROOT}/meeting/${gone.deletedBodyMeeting}`,
      `${ROOT}/meeting/${gone.withdrawnMeeting}`,
      `${ROOT}/meeting/${gone.deletedMeeting}`,
      `${ROOT}/agenda-item/${gone.withdrawnBodyItem}`,
      `${ROOT}/agenda-item/${gone.deletedBodyItem}`,
      `${ROOT}/agenda-item/${gone.deletedItem}`,
      `${ROOT}/agenda-item/${gone.withdrawnMeetingItem}`,
      `${ROOT}/agenda-item/${gone.deletedMeetingItem}`,
      `${ROOT}/agenda-item/${ids.steckbriefItem}`,
      `${ROOT}/paper/steckbrief/stadt/${AGS}`,
      `${ROOT}/file/steckbrief/stadt/${AGS}`,
      `${ROOT}/consultation/${ids.steckbriefItem}/steckbrief/stadt/${AGS}`,
      `${ROOT}/consultation/${gone.deletedBodyItem}/report/${ids.publicReport}`,
    ];
  };

  it('serves what went at its URL as a minimal deleted object, modified when it went', async () => {
    for (const url of deletedUrls()) {
      const o = await json(url);
      expect(o, url).toMatchObject({ id: url, deleted: true });
      for (const key of Object.keys(o)) expect(MINIMAL.has(key), `${url}: ${key}`).toBe(true);
      expect(Date.parse(o.modified as string), url).toBeGreaterThanOrEqual(Date.parse(since));
      expect(check(o), url).toBeNull();
    }
    // created is kept where it was known
    expect(await json(`${ROOT}/meeting/${gone.deletedMeeting}`)).toHaveProperty('created');
  });

  it('still answers every URL a client has seen, and the crawl passes the official schema', async () => {
    for (const url of before.keys()) await json(url);
    let checked = 0;
    for (const [url, body] of after)
      for (const o of oparlObjects(body)) {
        expect(check(o), `${url} ${JSON.stringify(o.id)}`).toBeNull();
        checked++;
      }
    expect(checked).toBeGreaterThan(40);
  });

  it('lists what went with deleted: true, found by modified_since and not before it', async () => {
    const list = async (name: string, query: string) => {
      const res = await demo.get(`/oparl/v1/body/1/${name}?elementsPerPage=100&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<OparlPage<Obj>>().data;
    };
    const newer = `modified_since=${encodeURIComponent(since)}`;
    const older = `modified_until=${encodeURIComponent(new Date(Date.parse(since) - 1000).toISOString())}`;
    for (const [name, kind] of [
      ['organization', 'organization'],
      ['meeting', 'meeting'],
      ['agenda-item', 'agenda-item'],
      ['paper', 'paper'],
      ['file', 'file'],
    ] as const) {
      const expected = deletedUrls().filter((u) => u.startsWith(`${ROOT}/${kind}/`));
      const changed = await list(name, newer);
      const deleted = changed.filter((o) => o.deleted === true).map((o) => o.id);
      expect(deleted.sort(), name).toEqual(expected.sort());
      const unchanged = (await list(name, older)).map((o) => o.id);
      for (const url of expected) expect(unchanged, `${name} ${url}`).not.toContain(url);
    }
    // a list never carries an object twice, live and deleted
    const ids = (await list('agenda-item', '')).map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('moves the paper whose consultation went, and embeds that consultation as deleted', async () => {
    const { ids } = demo;
    const paper = await json(`${ROOT}/paper/report/${ids.publicReport}`);
    expect(paper.deleted).toBeUndefined(); // still on a public agenda
    expect(paper.name).toBe('Sozialbericht 2024');
    expect(Date.parse(paper.modified as string)).toBeGreaterThanOrEqual(Date.parse(since));
    const consultations = paper.consultation as Obj[];
    expect(consultations.find((c) => c.deleted === true)).toEqual(
      await json(`${ROOT}/consultation/${gone.deletedBodyItem}/report/${ids.publicReport}`),
    );
    expect(consultations.filter((c) => c.deleted !== true).map((c) => c.agendaItem)).toEqual([
      `${ROOT}/agenda-item/${ids.reportItem}`,
    ]);
    // the meeting the deleted item belonged to changed too
    const meeting = await json(`${ROOT}/meeting/${ids.meeting}`);
    expect(Date.parse(meeting.modified as string)).toBeGreaterThanOrEqual(Date.parse(since));
  });

  it('tells an anonymous client no name of anything withdrawn', () => {
    const text = JSON.stringify([...after.values()]);
    for (const name of names) expect(text, name).not.toContain(name);
  });

  it('brings an object back when it is published again, without its tombstone', async () => {
    await demo.send('PATCH', `/api/bodies/${gone.withdrawnBody}`, { public: true });
    await demo.send('PATCH', `/api/meetings/${gone.withdrawnMeeting}`, { public: true });
    const org = await json(`${ROOT}/organization/${gone.withdrawnBody}`);
    expect(org).toMatchObject({ name: 'Arbeitskreis Rückzug' });
    expect(org.deleted).toBeUndefined();
    const meeting = await json(`${ROOT}/meeting/${gone.withdrawnBodyMeeting}`);
    expect((meeting.agendaItem as Obj[]).map((a) => a.name)).toEqual(['Punkt Rückzug']);
    expect((await json(`${ROOT}/meeting/${gone.withdrawnMeeting}`)).deleted).toBeUndefined();
    const left = await demo.db.query<{ kind: string; ref: string }>(
      `SELECT kind, ref FROM oparl_tombstone WHERE (kind = 'organization' AND ref = $1)
          OR (kind = 'meeting' AND ref IN ($2, $3)) OR (kind = 'agenda-item' AND ref = $4)`,
      [
        String(gone.withdrawnBody),
        String(gone.withdrawnBodyMeeting),
        String(gone.withdrawnMeeting),
        String(gone.withdrawnBodyItem),
      ],
    );
    expect(left).toEqual([]);
    const orgs = (await demo.get('/oparl/v1/body/1/organization?elementsPerPage=100')).json<OparlPage<Obj>>();
    expect(orgs.data.filter((o) => o.id === org.id)).toEqual([org]);
    // the Steckbrief's item published again: its paper is back, its tombstone says nothing
    const { ids } = demo;
    await demo.send('PATCH', `/api/meetings/${ids.meeting}/agenda/${ids.steckbriefItem}`, { public: true });
    const steckbrief = await json(`${ROOT}/paper/steckbrief/stadt/${AGS}`);
    expect(steckbrief).toMatchObject({ name: 'Gebietssteckbrief Musterstadt' });
    expect(steckbrief.deleted).toBeUndefined();
  });

  it('takes out the paper of a report made internal and of a measure set back, and back in', async () => {
    const { ids } = demo;
    const paper = `${ROOT}/paper/report/${ids.publicReport}`;
    const measure = `${ROOT}/paper/measure/${ids.decided}`;
    await demo.db.query('UPDATE report SET internal = true WHERE id = $1', [ids.publicReport]);
    await demo.db.query(`UPDATE measure SET status = 'vorschlag' WHERE id = $1`, [ids.decided]);
    for (const url of [paper, `${ROOT}/file/report/${ids.publicReport}`, measure]) {
      const o = await json(url);
      expect(o, url).toMatchObject({ deleted: true });
      expect(JSON.stringify(o), url).not.toMatch(/Sozialbericht|Familienzentrum/);
    }
    const item = await json(`${ROOT}/agenda-item/${ids.reportItem}`);
    expect(item.consultation).toBeUndefined();
    expect(item.auxiliaryFile).toBeUndefined();
    expect(await json(`${ROOT}/consultation/${ids.reportItem}/measure/${ids.decided}`)).toMatchObject({
      deleted: true,
    });
    await demo.db.query('UPDATE report SET internal = false WHERE id = $1', [ids.publicReport]);
    await demo.db.query(`UPDATE measure SET status = 'beschlossen' WHERE id = $1`, [ids.decided]);
    expect(await json(paper)).toMatchObject({ name: 'Sozialbericht 2024' });
    expect((await json(measure)).deleted).toBeUndefined();
  });

  it('takes out the Steckbrief of an area whose Gebietsstand ends, and back in', async () => {
    const { ids } = demo;
    const urls = [
      `${ROOT}/paper/steckbrief/stadt/${AGS}`,
      `${ROOT}/file/steckbrief/stadt/${AGS}`,
      `${ROOT}/consultation/${ids.steckbriefItem}/steckbrief/stadt/${AGS}`,
    ];
    expect((await json(urls[0]!)).deleted).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1100)); // OParl's times are kept to the second
    const ended = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    await demo.db.query(`UPDATE area SET valid_to = '2025-06-30' WHERE key = $1 AND valid_to IS NULL`, [AGS]);
    for (const url of urls) {
      const o = await json(url);
      expect(o, url).toMatchObject({ id: url, deleted: true });
      for (const key of Object.keys(o)) expect(MINIMAL.has(key), `${url}: ${key}`).toBe(true);
      expect(Date.parse(o.modified as string), url).toBeGreaterThanOrEqual(Date.parse(ended));
      expect(check(o), url).toBeNull();
    }
    const item = await json(`${ROOT}/agenda-item/${ids.steckbriefItem}`);
    expect(item.deleted).toBeUndefined();
    expect(item.consultation).toBeUndefined();
    const papers = await demo.get(
      `/oparl/v1/body/1/paper?elementsPerPage=100&modified_since=${encodeURIComponent(ended)}`,
    );
    expect(papers.json<OparlPage<Obj>>().data.filter((o) => o.id === urls[0])).toEqual([
      await json(urls[0]!),
    ]);
    await demo.db.query(`UPDATE area SET valid_to = NULL WHERE key = $1`, [AGS]);
    expect(await json(urls[0]!)).toMatchObject({ name: 'Gebietssteckbrief Musterstadt' });
  });
});
