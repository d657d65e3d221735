import { useState } from 'react';
import { ApiError, messageOf } from '../api.ts';
import type { PathProblems } from './form-issues.ts';

/**
 * Saving a definition editor (index, report template): `saving` while the request runs, then the
 * saved object to `onSaved`, or the server's answer read by `toProblems` into field messages (any
 * other failure becomes the summary alone).
 */
export function useFormSave() {
  const [problems, setProblems] = useState<PathProblems | null>(null);
  const [saving, setSaving] = useState(false);
  const save = <T>(
    request: Promise<T>,
    onSaved: (saved: T) => void,
    toProblems: (err: ApiError) => PathProblems,
  ) => {
    setSaving(true);
    request.then(
      (saved) => {
        setSaving(false);
        setProblems(null);
        onSaved(saved);
      },
      (err: unknown) => {
        setSaving(false);
        setProblems(err instanceof ApiError ? toProblems(err) : { fields: {}, summary: messageOf(err) });
      },
    );
  };
  return { problems, setProblems, saving, save };
}
