import { useEffect, useEffectEvent, useState } from 'react';

interface Loaded<T> {
  key: string;
  data?: T;
  error?: Error;
}

export interface Fetched<T> {
  /** Data for the current key, once loaded. */
  data: T | undefined;
  /** Data of the last key that loaded (may be older than the current key): shown while reloading. */
  latest: T | undefined;
  /** Error of the current key, if loading failed. */
  error: Error | undefined;
  loading: boolean;
}

/**
 * Loads data for a key (null = nothing to load) and keeps the previous result while the next loads,
 * so the map and tables never flash empty when the indicator or year changes.
 */
export function useFetched<T>(key: string | null, load: () => Promise<T>): Fetched<T> {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [latest, setLatest] = useState<T | undefined>(undefined);
  const run = useEffectEvent(load);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    run().then(
      (data) => {
        if (!current) return;
        setLoaded({ key, data });
        setLatest(data);
      },
      (error: unknown) => {
        if (current) setLoaded({ key, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      current = false;
    };
  }, [key]);

  const own = loaded?.key === key ? loaded : undefined;
  return {
    data: own?.data,
    latest,
    error: own?.error,
    loading: key !== null && !own,
  };
}
