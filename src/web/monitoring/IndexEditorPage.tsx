import { PageHeading } from '../components/PageHeading.tsx';
import type { PageProps } from '../page-props.ts';

/** Placeholder until the page is built (issue 4). */
export function IndexEditorPage(_props: PageProps & { indexKey: string | null }) {
  return (
    <div className="page">
      <PageHeading title="Index bearbeiten – Lagebild">Index bearbeiten</PageHeading>
    </div>
  );
}
