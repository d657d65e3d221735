import { useState } from 'react';
import { messageOf } from '../api.ts';

/**
 * One request of a small form: `busy` while it runs, the server's German message as `error` when
 * it fails; `onDone` gets the answer.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = <T>(request: () => Promise<T>, onDone: (answer: T) => void) => {
    setBusy(true);
    setError(null);
    request().then(
      (answer) => {
        setBusy(false);
        onDone(answer);
      },
      (err: unknown) => {
        setBusy(false);
        setError(messageOf(err));
      },
    );
  };
  return { busy, error, run };
}
