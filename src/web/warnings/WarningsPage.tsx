import { PageHeading } from '../components/PageHeading.tsx';
import type { PageProps } from '../page-props.ts';

/** Placeholder until the page is built (issue 4). */
export function WarningsPage(_props: PageProps) {
  return (
    <div className="page">
      <PageHeading title="Frühwarnung – Lagebild">Frühwarnung</PageHeading>
    </div>
  );
}
