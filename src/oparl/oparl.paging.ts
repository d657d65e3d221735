/**
 * Paging and filters of OParl's external object lists (specification: „Objektlisten und
 * Paginierung“, „Filter“): a stable order (the caller's), `data`, `pagination` and `links` with
 * `next` on every page but the last, and `created_since` … `modified_until` kept on every link.
 */
import { DEFAULT_PER_PAGE, type ListQuery, type OparlPage } from './oparl.schema.ts';

export interface Stamped {
  created?: string | undefined;
  modified?: string | undefined;
}

const FILTERS = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;

/**
 * True when `item` passes the query's time filters. An object without the attribute a filter
 * asks about does not pass it: the client asked for objects known to be that new.
 */
export function passesFilters(item: Stamped, query: ListQuery): boolean {
  const at = (value: string | undefined) => (value === undefined ? null : Date.parse(value));
  const created = at(item.created);
  const modified = at(item.modified);
  const since = (value: number | null, bound: string | undefined) =>
    bound === undefined || (value !== null && value >= Date.parse(bound));
  const until = (value: number | null, bound: string | undefined) =>
    bound === undefined || (value !== null && value <= Date.parse(bound));
  return (
    since(created, query.created_since) &&
    until(created, query.created_until) &&
    since(modified, query.modified_since) &&
    until(modified, query.modified_until)
  );
}

/**
 * One page of `items` (already in their stable order) at the list's absolute URL `listUrl`.
 * @example paginate(meetings, { page: 2, elementsPerPage: 10 }, 'https://x.example/oparl/v1/body/1/meeting')
 */
export function paginate<T extends Stamped>(items: T[], query: ListQuery, listUrl: string): OparlPage<T> {
  const matching = items.filter((item) => passesFilters(item, query));
  const per = query.elementsPerPage;
  const totalPages = Math.max(1, Math.ceil(matching.length / per));
  const page = query.page;
  const link = (n: number) => {
    const params = new URLSearchParams();
    for (const f of FILTERS) if (query[f] !== undefined) params.set(f, query[f]);
    if (per !== DEFAULT_PER_PAGE) params.set('elementsPerPage', String(per));
    if (n > 1) params.set('page', String(n));
    const qs = params.toString();
    return qs ? `${listUrl}?${qs}` : listUrl;
  };
  return {
    data: matching.slice((page - 1) * per, page * per),
    pagination: {
      totalElements: matching.length,
      elementsPerPage: per,
      currentPage: page,
      totalPages,
    },
    links: {
      first: link(1),
      ...(page > 1 ? { prev: link(Math.min(page - 1, totalPages)) } : {}),
      self: link(page),
      ...(page < totalPages ? { next: link(page + 1) } : {}),
      last: link(totalPages),
    },
  };
}
