/** Paging and time filters of OParl lists, and meeting days as date-times in Europe/Berlin. */
import { describe, expect, it } from 'vitest';
import { paginate, passesFilters } from './oparl.paging.ts';
import { ListQuery } from './oparl.schema.ts';
import { berlinDayStart } from './oparl.service.ts';

const LIST = 'https://x.example/oparl/v1/body/1/meeting';
const items = Array.from({ length: 5 }, (_, i) => ({
  id: i + 1,
  created: `2025-01-0${i + 1}T12:00:00Z`,
  modified: `2025-02-0${i + 1}T12:00:00Z`,
}));
const query = (q: Record<string, string>) => ListQuery.parse(q);

describe('paginate', () => {
  it('cuts pages, links the next one on every page but the last, and keeps the filters', () => {
    const first = paginate(items, query({ elementsPerPage: '2' }), LIST);
    expect(first.data.map((i) => i.id)).toEqual([1, 2]);
    expect(first.pagination).toEqual({ totalElements: 5, elementsPerPage: 2, currentPage: 1, totalPages: 3 });
    expect(first.links).toEqual({
      first: `${LIST}?elementsPerPage=2`,
      self: `${LIST}?elementsPerPage=2`,
      next: `${LIST}?elementsPerPage=2&page=2`,
      last: `${LIST}?elementsPerPage=2&page=3`,
    });
    const last = paginate(items, query({ elementsPerPage: '2', page: '3' }), LIST);
    expect(last.data.map((i) => i.id)).toEqual([5]);
    expect(last.links.next).toBeUndefined();
    expect(last.links.prev).toBe(`${LIST}?elementsPerPage=2&page=2`);

    const filtered = paginate(items, query({ created_since: '2025-01-04T00:00:00+01:00' }), LIST);
    expect(filtered.data.map((i) => i.id)).toEqual([4, 5]);
    expect(filtered.links.self).toBe(`${LIST}?created_since=2025-01-04T00%3A00%3A00%2B01%3A00`);
  });

  it('gives an empty list one page without next', () => {
    const page = paginate([], query({}), LIST);
    expect(page).toEqual({
      data: [],
      pagination: { totalElements: 0, elementsPerPage: 50, currentPage: 1, totalPages: 1 },
      links: { first: LIST, self: LIST, last: LIST },
    });
  });

  it('filters by both bounds, the offset of the bound counted, and drops objects without the time', () => {
    const item = { created: '2025-03-01T10:00:00Z', modified: '2025-03-02T10:00:00Z' };
    expect(passesFilters(item, query({ created_since: '2025-03-01T11:00:00+01:00' }))).toBe(true);
    expect(passesFilters(item, query({ created_since: '2025-03-01T11:00:01+01:00' }))).toBe(false);
    expect(passesFilters(item, query({ modified_until: '2025-03-02T10:00:00Z' }))).toBe(true);
    expect(passesFilters(item, query({ modified_until: '2025-03-02T09:59:59Z' }))).toBe(false);
    expect(passesFilters({}, query({ modified_since: '2000-01-01T00:00:00Z' }))).toBe(false);
    expect(passesFilters({}, query({}))).toBe(true);
    expect(ListQuery.safeParse({ created_since: '2025-03-01' }).success).toBe(false);
    expect(ListQuery.safeParse({ elementsPerPage: '101' }).success).toBe(false);
  });
});

describe('berlinDayStart', () => {
  it('is local midnight with the offset of that day, summer time included', () => {
    expect(berlinDayStart('2025-01-15')).toBe('2025-01-15T00:00:00+01:00');
    expect(berlinDayStart('2025-07-15')).toBe('2025-07-15T00:00:00+02:00');
    // the nights of the switch: still the old offset at midnight
    expect(berlinDayStart('2025-03-30')).toBe('2025-03-30T00:00:00+01:00');
    expect(berlinDayStart('2025-10-26')).toBe('2025-10-26T00:00:00+02:00');
  });
});
