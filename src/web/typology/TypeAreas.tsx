import { Link } from '../ui/Link.tsx';
import { formatNumber } from '../../core/format.ts';
import { paths } from '../router.ts';
import { tt } from './texts.ts';
import { typeColor } from './type-colors.ts';
import type { ClustersResult } from './typology-api.ts';
import { compareHref } from './typology-url.ts';
import { convertedMarks } from '../indices/converted.ts';
import { ConvertedMark, ConvertedNotes } from '../ui/ConvertedMarks.tsx';

/** The areas of every type (with links to profile and comparison) and the areas not assigned. */
export function TypeAreas({ result }: { result: ClustersResult }) {
  const byKey = new Map(result.areas.map((a) => [a.key, a]));
  // numbered in the result's order, as the index table numbers its areas
  const converted = convertedMarks({
    areas: result.areas.map((a) => ({ id: a.key, converted: a.converted })),
  });
  return (
    <>
      <section className="typology-section" aria-labelledby="type-areas-title">
        <h2 id="type-areas-title">{tt.typology.areasTitle}</h2>
        <div className="type-areas" data-testid="type-areas">
          {result.types.map((type) => (
            <section
              key={type.number}
              className="type-areas__type"
              aria-labelledby={`type-${type.number}-title`}
            >
              <h3 id={`type-${type.number}-title`}>
                <span className="swatch" style={{ background: typeColor(type.number) }} aria-hidden="true" />{' '}
                {type.label} <span className="muted">({tt.typology.areasCount(type.size)})</span>
              </h3>
              <ul className="type-areas__list">
                {type.members.map((key) => {
                  const area = byKey.get(key);
                  if (!area) return null;
                  return (
                    <li key={key}>
                      <Link to={paths.profile(result.level, key)}>{area.name}</Link>
                      <ConvertedMark
                        marker={converted.markers.get(key)}
                        className="type-areas__converted"
                        testId="type-converted"
                      />{' '}
                      <span className="muted" title={tt.typology.silhouetteOf}>
                        ({tt.typology.silhouetteOf} {formatNumber(area.silhouette, 2)})
                      </span>{' '}
                      <Link
                        to={compareHref(result.level, key, undefined, result.date)}
                        aria-label={`${area.name} ${tt.typology.compareLink}`}
                      >
                        {tt.typology.compareLink}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
        <ConvertedNotes
          notes={converted.notes}
          className="typology-table__notes muted"
          testId="type-converted-notes"
          label={tt.typology.convertedNotes}
        />
      </section>
      {result.unassigned.length > 0 && (
        <section className="typology-section" aria-labelledby="unassigned-title" data-testid="unassigned">
          <h2 id="unassigned-title">{tt.typology.unassignedTitle}</h2>
          <p className="muted">{tt.typology.unassignedIntro}</p>
          <ul>
            {result.unassigned.map((u) => (
              <li key={u.key}>
                <strong>{u.name}</strong>: {u.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
