import type { User } from '../api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { vt } from './texts.ts';
import { VariableSums } from './VariableSums.tsx';
import './variables.css';

interface VariablesPageProps {
  user: User | null;
  onLogin: () => void;
  /** After a definition changed: values, catalogue availability and menus load again. */
  onChanged: () => void;
  announce: (message: string) => void;
}

/** Variablen: the catalogue's variables and their definitions as sums (planners and admins). */
export function VariablesPage({ user, onLogin, onChanged, announce }: VariablesPageProps) {
  const canEdit = user?.role === 'planner' || user?.role === 'admin';
  const title = <PageHeading title={vt.docTitle}>{vt.title}</PageHeading>;
  if (!canEdit)
    return (
      <div className="page variables-page">
        {title}
        <div className="notice" data-testid="variables-needs-role">
          <p>{user ? vt.needsRole : vt.loginFirst}</p>
          {!user && (
            <button type="button" className="button button--primary" onClick={onLogin}>
              {vt.login}
            </button>
          )}
        </div>
      </div>
    );
  return (
    <div className="page variables-page">
      <div className="page-head">
        {title}
        <p className="page-intro">{vt.intro}</p>
      </div>
      <VariableSums userId={user.id} onChanged={onChanged} announce={announce} />
    </div>
  );
}
