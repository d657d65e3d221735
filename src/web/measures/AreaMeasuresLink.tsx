import { Link } from '../ui/Link.tsx';
import { measuresHref } from './measure-links.ts';
import { mt } from './texts.ts';

interface AreaMeasuresLinkProps {
  /** The measures working in the area (`measuresByArea`); nothing is shown without any. */
  ids: readonly number[] | undefined;
  className: string;
  testId: string;
}

/**
 * „Maßnahmen im Gebiet (2)“ under an area's name in lists of areas (warnings, index classes): what
 * is already being done there, one step from the finding. One measure opens it directly.
 */
export function AreaMeasuresLink({ ids, className, testId }: AreaMeasuresLinkProps) {
  if (!ids?.length) return null;
  return (
    <Link to={measuresHref(ids)} className={className} data-testid={testId}>
      {mt.inArea(ids.length)}
    </Link>
  );
}
