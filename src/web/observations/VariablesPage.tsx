import type { User } from '../api.ts';
import { RoleNotice } from '../ui/RoleNotice.tsx';
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
        <RoleNotice
          user={user}
          texts={{ needsRole: vt.needsRole, loginFirst: vt.loginFirst, login: vt.login }}
          onLogin={onLogin}
          testId="variables-needs-role"
        />
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
