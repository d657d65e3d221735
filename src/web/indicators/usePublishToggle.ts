import { useState } from 'react';
import { api, messageOf, type Indicator } from '../api.ts';
import { t } from '../texts.ts';

/**
 * Publishing and withdrawing an indicator (PATCH). The switch flips at once and flips back if the
 * server refuses; the refreshed catalogue (new objects) then replaces the local state.
 */
export function usePublishToggle(onChanged: () => void, announce: (message: string) => void) {
  const [overrides, setOverrides] = useState<ReadonlyMap<Indicator, boolean>>(new Map());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const published = (indicator: Indicator) => overrides.get(indicator) ?? indicator.published;
  const toggle = (indicator: Indicator, next: boolean) => {
    const previous = published(indicator);
    setOverrides((map) => new Map(map).set(indicator, next));
    setBusy(indicator.key);
    setError(null);
    api.setPublished(indicator.key, next).then(
      () => {
        setBusy(null);
        announce(next ? t.admin.publishedNow(indicator.name) : t.admin.unpublishedNow(indicator.name));
        onChanged();
      },
      (err: unknown) => {
        setOverrides((map) => new Map(map).set(indicator, previous));
        setBusy(null);
        setError(messageOf(err));
      },
    );
  };
  return { published, toggle, busy, error };
}
