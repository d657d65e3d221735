/**
 * OParl 1.1 against the specification's own JSON schema (github.com/OParl/spec, v1.1.1), which
 * lies beside the repository in ../shared/data/oparl-1.1-schema: the demo council is crawled from
 * the System object and every object — listed, embedded, on its own URL — must pass the schema of
 * its `type`. The spec's examples pass the same validator, so it is not merely rejecting nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import {
  OPARL_SCHEMA_DIR as SCHEMA_DIR,
  OPARL_TYPE as TYPE,
  ROOT,
  officialValidator,
  oparlObjects,
  startOparlDemo,
  type Json,
  type Obj,
  type OparlDemo,
} from '../test/oparl-crawl.ts';

const check = officialValidator();

/**
 * Where the spec's examples break its own schema: the agenda item in the meeting example predates
 * `order`, which OParl 1.1 made required. Exactly these errors are expected, nothing else.
 */
const ERRATA: Record<string, string> = {
  'Meeting-01.json https://oparl.example.org/meeting/281':
    "Meeting/agendaItem/0 must have required property 'order', " +
    'Meeting/agendaItem/0 must pass "schema" keyword validation',
  'Meeting-01.json https://oparl.example.org/agendaitem/3271':
    "AgendaItem must have required property 'order'",
};

describe('the validator of the official OParl 1.1 schema', () => {
  it('accepts every example of the specification, embedded objects too, and rejects broken ones', () => {
    const dir = join(SCHEMA_DIR, 'examples');
    const examples = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(examples.length).toBeGreaterThanOrEqual(8);
    let checked = 0;
    for (const file of examples) {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Json;
      for (const o of oparlObjects(json)) {
        const at = `${file} ${o.id as string}`;
        expect(check(o), at).toBe(ERRATA[at] ?? null);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(examples.length);

    const meeting = JSON.parse(readFileSync(join(dir, 'Meeting-01.json'), 'utf8')) as Obj;
    expect(check({ ...meeting, id: 'kein-link' })).toMatch(/must match format "url"/);
    expect(check({ ...meeting, start: '2013-01-04' })).toMatch(/must match format "date-time"/);
    expect(check({ ...meeting, cancelled: 'nein' })).toMatch(/must be boolean/);
    // an embedded object is checked by the schema the template names for it
    expect(check({ ...meeting, location: { ...(meeting.location as Obj), id: 7 } })).toMatch(
      /must be string/,
    );
    const item = { ...(meeting.agendaItem as Obj[])[0]!, order: 1 };
    expect(check(item)).toBeNull();
    expect(check({ ...meeting, agendaItem: [item] })).toBeNull();
    expect(check({ ...item, order: 1.5 })).toMatch(/must be integer/);
    const location = { ...(meeting.location as Obj), type: 'https://schema.oparl.org/1.1/Ort' };
    expect(check({ ...meeting, location })).toMatch(/Meeting\/location\/type must match pattern/);
  });
});

describe.each(engines)('OParl output against the official OParl 1.1 schema on $name', (engine) => {
  let demo: OparlDemo;
  let crawled: Map<string, Json>;

  beforeAll(async () => {
    demo = await startOparlDemo(engine);
    crawled = await demo.crawl();
  }, 300_000);
  afterAll(async () => {
    await demo?.close();
  });

  it('passes every object, every list entry and every embedded object', () => {
    const seen = new Map<string, number>();
    for (const [url, json] of crawled) {
      if (json && typeof json === 'object' && !Array.isArray(json) && Array.isArray(json.data))
        for (const entry of json.data) {
          expect(typeof (entry as Obj).type, `${url}: a list entry is an OParl object`).toBe('string');
          expect(check(entry as Obj), `${url} ${JSON.stringify((entry as Obj).id)}`).toBeNull();
        }
      for (const o of oparlObjects(json)) {
        expect(check(o), `${url} ${JSON.stringify(o.id)}`).toBeNull();
        const name = TYPE.exec(o.type as string)![1]!;
        seen.set(name, (seen.get(name) ?? 0) + 1);
      }
    }
    for (const name of ['System', 'Body', 'Organization', 'Meeting', 'AgendaItem', 'Paper', 'File'])
      expect(seen.get(name) ?? 0, name).toBeGreaterThan(0);
    // the public flags reach the output
    const meeting = crawled.get(`${ROOT}/meeting/${demo.ids.meeting}`) as Obj;
    expect((meeting.agendaItem as Obj[]).every((a) => a.public === true)).toBe(true);
  });
});
