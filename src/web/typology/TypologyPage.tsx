import { PageHeading } from '../components/PageHeading.tsx';
import type { PageProps } from '../page-props.ts';

/** Placeholder until the page is built (issue 4). */
export function TypologyPage(_props: PageProps) {
  return (
    <div className="page">
      <PageHeading title="Sozialraumtypen – Lagebild">Sozialraumtypen</PageHeading>
    </div>
  );
}
