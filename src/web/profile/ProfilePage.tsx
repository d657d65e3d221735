import { useState, type ReactNode } from 'react';
import { ApiError, q } from '../api.ts';
import { Link } from '../ui/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { formatDate, formatNumber } from '../../core/format.ts';
import type { PageProps } from '../page-props.ts';
import { t } from '../texts.ts';
import { CITY, compareHref } from '../typology/typology-url.ts';
import { useFetched } from '../ui/useFetched.ts';
import { renderHref } from '../reports/api.ts';
import { fetchSteckbrief, type Steckbrief } from './api.ts';
import { IndexSection } from './IndexSection.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { LocatorMap } from './LocatorMap.tsx';
import { ProjectionTable } from './ProjectionTable.tsx';
import { AreaMeasures } from './AreaMeasures.tsx';
import { AreaBodies } from './AreaBodies.tsx';
import { SeriesSection } from './SeriesSection.tsx';
import { pt, wholeWords, type WholeWords } from './texts.ts';
import { WarningsList } from './WarningsList.tsx';
import './profile.css';
import { defaultDate } from '../ui/dates.ts';

const DATE_PARAM = 'stichtag';

const readDate = () => new URLSearchParams(window.location.search).get(DATE_PARAM);

/** Keeps the Stichtag in the address (a link reproduces the profile) without a history entry. */
function writeDate(date: string) {
  const params = new URLSearchParams(window.location.search);
  params.set(DATE_PARAM, date);
  window.history.replaceState(window.history.state, '', `${window.location.pathname}?${params.toString()}`);
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="profile-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Body({
  profile,
  level,
  areaKey,
  session,
  seesBodies,
  whole,
}: {
  profile: Steckbrief;
  /** The whole territory: „Stadt“ or „Kreis“. */
  whole: WholeWords;
  level: string;
  areaKey: string;
  session: string;
  /** Planners and partners: bodies are not public. */
  seesBodies: boolean;
}) {
  const { area } = profile;
  const atlas = `/?${q({
    ...(profile.highlights[0] ? { indikator: profile.highlights[0] } : {}),
    stichtag: profile.date,
    ebene: level,
    gebiet: areaKey,
  })}`;
  // the compare view's own address builder: B = the city (`b=stadt`)
  const compare = compareHref(level, areaKey, CITY, profile.date);
  // the Steckbrief document with the same values as the page: public unless the user sees unprotected
  // ones, or it is a scoped planner's own area (then internal to their scope)
  const steckbrief = (format: 'pdf' | 'docx') =>
    renderHref({
      template: 'steckbrief',
      level,
      area: areaKey,
      date: profile.date,
      format,
      public: !profile.unprotected && !profile.own,
    });
  return (
    <>
      <div className="profile-actions profile-noprint">
        <button type="button" className="button" onClick={() => window.print()}>
          {pt.actions.print}
        </button>
        <Link className="button" to={compare} data-testid="profile-compare">
          {pt.actions.compare(whole)}
        </Link>
        <Link className="button" to={atlas}>
          {pt.actions.atlas}
        </Link>
        <a className="button" href={steckbrief('pdf')} download data-testid="profile-steckbrief-pdf">
          {pt.actions.steckbriefPdf}
        </a>
        <a className="button" href={steckbrief('docx')} download data-testid="profile-steckbrief-docx">
          {pt.actions.steckbriefDocx}
        </a>
      </div>
      {!profile.unprotected && (
        <p className="profile-note" data-testid="profile-note">
          {profile.own ? pt.ownNote : pt.protectedNote}
        </p>
      )}
      <div className="profile-top">
        <Section id="profile-summary" title={pt.summary}>
          <div className="profile-text" data-testid="profile-text">
            <p>{profile.text.join(' ')}</p>
          </div>
        </Section>
        <Section id="profile-locator" title={pt.locator(whole)}>
          <LocatorMap
            level={level}
            levelName={area.levelName}
            areaKey={areaKey}
            areaName={area.name}
            parentKey={area.parent}
          />
        </Section>
      </div>
      <Section
        id="profile-index"
        title={profile.index ? `${pt.index.heading}: ${profile.index.name}` : pt.index.heading}
      >
        {profile.index ? (
          <IndexSection index={profile.index} date={profile.date} />
        ) : (
          <p className="muted">{pt.index.none}</p>
        )}
      </Section>
      <Section id="profile-warnings" title={pt.warnings.heading}>
        <WarningsList warnings={profile.warnings} />
      </Section>
      <Section id="profile-table" title={pt.table.heading}>
        <IndicatorTable profile={profile} whole={whole} />
      </Section>
      {profile.projection && (
        <Section id="profile-projection" title={pt.projection.heading}>
          <ProjectionTable profile={profile} projection={profile.projection} whole={whole} />
        </Section>
      )}
      <Section id="profile-measures" title={pt.measures.heading}>
        <AreaMeasures level={level} areaKey={areaKey} session={session} />
      </Section>
      {seesBodies && (
        <Section id="profile-bodies" title={pt.bodies.heading}>
          <AreaBodies level={level} areaKey={areaKey} session={session} />
        </Section>
      )}
      <Section id="profile-series" title={pt.series.heading}>
        <SeriesSection profile={profile} whole={whole} />
      </Section>
    </>
  );
}

/** The area profile (Gebietsprofil, Steckbrief) of one area: `/gebiete/<level>/<key>`. */
export function ProfilePage(props: PageProps & { level: string; areaKey: string }) {
  const { level, areaKey, config, levels, user } = props;
  const [date, setDate] = useState<string | null>(() => {
    const asked = readDate();
    return asked && config.dates.includes(asked) ? asked : null;
  });
  // the login changes what may be seen (protected or not): load again
  const session = user?.id ?? '-';
  const fetched = useFetched(`${level}|${areaKey}|${date ?? ''}|${session}`, () =>
    fetchSteckbrief(level, areaKey, date),
  );
  const profile = fetched.latest?.area.id === areaKey ? fetched.latest : undefined;
  const levelName = levels.find((l) => l.key === level)?.name ?? profile?.area.levelName ?? level;
  const name = profile?.area.name;
  const missing = fetched.error instanceof ApiError && fetched.error.status === 404;
  // the whole territory by its level's name from the database (rank 0: „Stadt“ or „Kreis“)
  const whole = wholeWords(config.levels.find((l) => l.rank === 0)?.name ?? 'Stadt');

  const choose = (next: string) => {
    setDate(next);
    writeDate(next);
  };

  return (
    <article className="page profile-page" data-testid="profile-page">
      <header className="page-head">
        <p className="eyebrow">
          <Link to="/">{pt.atlas}</Link> · {levelName}
        </p>
        <PageHeading title={name ? pt.docTitle(name) : `${pt.loadingTitle} – ${t.appName}`}>
          {name ? pt.title(name) : pt.loadingTitle}
        </PageHeading>
        {profile && (
          <p className="page-intro profile-meta">
            {profile.area.parentName && (
              <>{pt.meta.parent(profile.area.parentLevelName, profile.area.parentName)} · </>
            )}
            {pt.meta.area(`${formatNumber(profile.area.areaKm2, 2)}\u00a0km²`)}
          </p>
        )}
        {config.dates.length > 0 && (
          <div className="field profile-date">
            <label htmlFor="profile-date">{pt.meta.date}</label>
            <select
              id="profile-date"
              value={date ?? profile?.date ?? defaultDate(config)}
              onChange={(e) => choose(e.target.value)}
            >
              {[...config.dates].reverse().map((d) => (
                <option key={d} value={d}>
                  {formatDate(d)}
                </option>
              ))}
            </select>
          </div>
        )}
      </header>
      {fetched.error ? (
        <div className="notice" role="alert">
          <p>{missing ? fetched.error.message : `${t.loadError} ${fetched.error.message}`}</p>
          <p>
            <Link to="/">{t.toAtlas}</Link>
          </p>
        </div>
      ) : profile ? (
        <div
          className={fetched.loading ? 'profile-body is-loading' : 'profile-body'}
          aria-busy={fetched.loading}
        >
          <Body
            profile={profile}
            level={level}
            areaKey={areaKey}
            session={String(session)}
            seesBodies={user?.role === 'planner' || user?.role === 'admin' || user?.role === 'partner'}
            whole={whole}
          />
        </div>
      ) : (
        <p className="notice">{pt.loading}</p>
      )}
    </article>
  );
}
