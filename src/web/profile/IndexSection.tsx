import { severityColor, textOn } from '../indices/colors.ts';
import { formatDate, formatNumber } from '../../core/format.ts';
import type { ProfileIndex } from './api.ts';
import { pt } from './texts.ts';

type Part = ProfileIndex['parts'][number];

function ClassBadge({ part, code }: { part: Part; code: string | null }) {
  const cls = part.classes.find((c) => c.code === code);
  if (!cls) return <span className="profile-badge profile-badge--none">–</span>;
  const fill = severityColor(cls.severity);
  return (
    <span
      className="profile-badge"
      style={{ background: fill, color: textOn(fill) }}
      title={`${part.label}: ${cls.label}`}
    >
      {cls.label}
    </span>
  );
}

/** The year of a year-end Stichtag (31.12.), else the whole date. */
const shortDate = (iso: string) => (iso.endsWith('-12-31') ? iso.slice(0, 4) : formatDate(iso));

/** Rank axis 1…n (1 = worst) with the 5–95 % interval as a bar and the rank as a mark. */
function RankInterval({ rank, of, low, high }: { rank: number; of: number; low: number; high: number }) {
  const W = 240;
  const x = (r: number) => 6 + ((r - 1) / Math.max(of - 1, 1)) * (W - 12);
  return (
    <svg className="profile-rank" viewBox={`0 0 ${W} 28`} aria-hidden="true">
      <line x1={x(1)} x2={x(of)} y1={14} y2={14} className="profile-rank__axis" />
      <rect
        x={x(low)}
        width={Math.max(x(high) - x(low), 2)}
        y={8}
        height={12}
        rx={3}
        className="profile-rank__bar"
      />
      <circle cx={x(rank)} cy={14} r={5} className="profile-rank__mark" />
    </svg>
  );
}

/** Class history, current classes and the rank with its robustness interval. */
export function IndexSection({ index, date }: { index: ProfileIndex; date: string }) {
  const cur = index.current;
  const r = index.robustness;
  return (
    <div className="profile-index" data-testid="profile-index">
      <div className="profile-index__current">
        {!cur ? (
          <p>{pt.index.notRated}</p>
        ) : !cur.valid ? (
          <p>{pt.index.invalid(cur.invalidReason)}</p>
        ) : (
          <dl className="profile-facts">
            {index.parts.map((p) => (
              <div key={p.key}>
                <dt>{p.label}</dt>
                <dd>
                  <ClassBadge part={p} code={cur.parts[p.key]?.class ?? null} />{' '}
                  {cur.parts[p.key]?.index != null && (
                    <span className="muted">({formatNumber(cur.parts[p.key]!.index!, 2)})</span>
                  )}
                </dd>
              </div>
            ))}
            {cur.code && (
              <div>
                <dt>{pt.index.code}</dt>
                <dd>
                  <strong data-testid="profile-index-code">{cur.code}</strong>
                </dd>
              </div>
            )}
          </dl>
        )}
        {r && (
          <dl className="profile-facts" data-testid="profile-robustness">
            <div>
              <dt>{pt.index.rank}</dt>
              <dd>
                {pt.index.rankValue(r.rank, r.rankOf)} <span className="muted">({pt.index.rankNote})</span>
              </dd>
            </div>
            <div>
              <dt>{pt.index.interval}</dt>
              <dd>
                {pt.index.intervalValue(Math.round(r.rankLow), Math.round(r.rankHigh))} ·{' '}
                <strong className={r.robust ? 'profile-robust' : 'profile-unsure'}>
                  {r.robust ? pt.index.robust : pt.index.unsure}
                </strong>
                <RankInterval rank={r.rank} of={r.rankOf} low={r.rankLow} high={r.rankHigh} />
                <span className="profile-note">{pt.index.runs(r.runs)}</span>
              </dd>
            </div>
            <div>
              <dt>{pt.index.stability}</dt>
              <dd>
                {index.parts
                  .filter((p) => r.classStability[p.key] !== undefined)
                  .map((p) => `${p.label} ${formatNumber(r.classStability[p.key]! * 100, 0)} %`)
                  .join(' · ')}
              </dd>
            </div>
          </dl>
        )}
      </div>
      <h3>{pt.index.history}</h3>
      {index.history.length ? (
        <ol className="profile-history" data-testid="profile-history">
          {index.history.map((h) => (
            <li key={h.date} className={h.date === date ? 'is-current' : undefined}>
              <span className="profile-history__date">{shortDate(h.date)}</span>
              {index.parts.map((p) => (
                <ClassBadge key={p.key} part={p} code={h.parts[p.key]?.class ?? null} />
              ))}
              <span className="profile-history__code">{h.code ?? '–'}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{pt.index.noHistory}</p>
      )}
    </div>
  );
}
