import { describe, expect, it } from 'vitest';
import type { ReportMeta } from './api.ts';
import { audienceLabel, mergeReports, runningIds, shortHash, verifyMessage } from './stored-format.ts';

const meta = (id: number, status: ReportMeta['status']): ReportMeta => ({
  id,
  title: `Bericht ${id}`,
  template: 'steckbrief',
  templateName: 'Steckbrief',
  level: 'sozialraum',
  area: '101',
  date: '2024-12-31',
  format: 'pdf',
  internal: false,
  scope: null,
  status,
  error: null,
  dataVersion: '3:68',
  contentHash: 'ab'.repeat(32),
  size: 1000,
  createdBy: 'Planerin',
  createdAt: '2025-01-01T10:00:00Z',
  finishedAt: null,
});

describe('stored reports', () => {
  it('names the municipality a scope-internal report is for', () => {
    const scope = { level: 'gemeinde', key: '05999001', name: 'Musterhausen' };
    expect(audienceLabel({ internal: true, scope })).toBe('intern – nur Musterhausen');
    expect(audienceLabel({ internal: true, scope: { ...scope, name: null } })).toBe('intern – nur 05999001');
    expect(audienceLabel({ internal: true, scope: null })).toBe('intern');
    expect(audienceLabel({ internal: false, scope: null })).toBe('öffentlich');
  });

  it('shows the first 12 hex digits of the hash', () => {
    expect(shortHash('0123456789abcdef0123')).toBe('0123456789ab');
    expect(shortHash(null)).toBe('–');
  });

  it('polls the running reports and puts answers in place, new ones first', () => {
    const list = [meta(2, 'running'), meta(1, 'done')];
    expect(runningIds(list)).toEqual([2]);
    const merged = mergeReports(list, [meta(2, 'done'), meta(3, 'running')]);
    expect(merged.map((r) => [r.id, r.status])).toEqual([
      [3, 'running'],
      [2, 'done'],
      [1, 'done'],
    ]);
  });

  it('says whether a report still has the numbers of its generation', () => {
    const same = {
      dataVersion: '3:68',
      currentDataVersion: '3:68',
      sameDataVersion: true,
      sameContent: true,
    };
    expect(verifyMessage(same)).toEqual({ ok: true, text: 'Gleiche Zahlen wie bei der Erstellung.' });
    const changed = verifyMessage({
      ...same,
      currentDataVersion: '4:68',
      sameDataVersion: false,
      sameContent: false,
    });
    expect(changed.ok).toBe(false);
    expect(changed.text).toMatch(
      /^Datenstand hat sich geändert \(damals Import 3, 68 Gebiete, heute Import 4, 68 Gebiete\)/,
    );
    expect(verifyMessage({ ...same, sameContent: false }).ok).toBe(false);
  });
});
