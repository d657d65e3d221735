import { PageHeading } from '../components/PageHeading.tsx';
import type { PageProps } from '../page-props.ts';

/** Placeholder until the page is built (issue 4). */
export function ProfilePage(_props: PageProps & { level: string; areaKey: string }) {
  return (
    <div className="page">
      <PageHeading title="Gebietsprofil – Lagebild">Gebietsprofil</PageHeading>
    </div>
  );
}
