import { useState } from 'react';
import { RoleNotice } from '../ui/RoleNotice.tsx';
import type { User } from '../api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { areasApi } from './api.ts';
import { DeriveSection } from './DeriveSection.tsx';
import { at } from './texts.ts';
import { UploadSection } from './UploadSection.tsx';
import './areas.css';

interface AreaImportPageProps {
  user: User | null;
  onLogin: () => void;
  /** After areas were stored: levels and the atlas configuration load again. */
  onChanged: () => void;
  announce: (message: string) => void;
}

/**
 * Gebiete importieren: upload the geometries of a level (preview, then commit) and derive a parent
 * level from the keys of a level's areas – for planners and administrators, without the CLI.
 */
export function AreaImportPage({ user, onLogin, onChanged, announce }: AreaImportPageProps) {
  const canImport = user?.role === 'planner' || user?.role === 'admin';
  // counts stored changes: the level list loads again
  const [revision, setRevision] = useState(0);
  // the level just imported is the one to derive a parent level from
  const [imported, setImported] = useState<string | null>(null);
  const levels = useFetched(canImport ? `area-levels#${user.id}#${revision}` : null, () => areasApi.levels());

  const head = (
    <div className="page-head">
      <PageHeading title={at.docTitle}>{at.title}</PageHeading>
      <p className="page-intro">{at.intro}</p>
    </div>
  );
  if (!canImport)
    return (
      <div className="page area-import-page">
        {head}
        <RoleNotice
          user={user}
          texts={{ needsRole: at.needsRole, loginFirst: at.loginFirst, login: at.login }}
          onLogin={onLogin}
          testId="area-import-needs-role"
        />
      </div>
    );

  const changed = (level: string | null) => {
    if (level) setImported(level);
    setRevision((n) => n + 1);
    onChanged();
  };
  const list = levels.latest;
  return (
    <div className="page area-import-page">
      {head}
      {levels.error && (
        <p className="alert" role="alert">
          {at.levelsFailed} {levels.error.message}
        </p>
      )}
      {list && (
        <>
          <UploadSection levels={list} onImported={(level) => changed(level)} announce={announce} />
          <DeriveSection
            levels={list}
            preferredFrom={imported}
            onDerived={() => changed(null)}
            announce={announce}
          />
        </>
      )}
    </div>
  );
}
