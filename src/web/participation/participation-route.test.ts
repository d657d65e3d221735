import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from '../router.ts';

describe('participation routes', () => {
  it('opens the planner page, the public questionnaire and „Hinweis geben“ by their addresses', () => {
    expect(parseRoute(paths.participation)).toEqual({ page: 'participation' });
    expect(paths.participation).toBe('/steuerung/beteiligung');
    expect(parseRoute(paths.survey('a-B_9'))).toEqual({ page: 'survey', token: 'a-B_9' });
    expect(parseRoute('/befragung')).toEqual({ page: 'notFound' });
    expect(parseRoute('/befragung/x/y')).toEqual({ page: 'notFound' });
    expect(parseRoute(paths.remarks)).toEqual({ page: 'remarks' });
    expect(paths.remarks).toBe('/hinweise');
    expect(parseRoute('/hinweise/x')).toEqual({ page: 'notFound' });
  });
});
