import { formatDate } from '../../core/format.ts';
import type { Coverage, Norm } from './coverage-api.ts';
import { catchmentText, factorText, supplyText } from './norm-text.ts';
import { ct } from './texts.ts';

interface NormFactsProps {
  norm: Norm;
  /** The Stichtag shown: the version valid then and the population used. */
  stichtag: Coverage['stichtage'][number] | null;
  facilityTypeName: string;
  levelName: (key: string) => string;
  variableName: (key: string) => string;
}

/** The norm in words: source, what one person needs, where the supply is found, the population's date. */
export function NormFacts({ norm, stichtag, facilityTypeName, levelName, variableName }: NormFactsProps) {
  // the version valid at the Stichtag, else the listed one (valid today)
  const version = stichtag?.version ? { ...norm, ...stichtag.version } : norm;
  return (
    <section className="norm-facts" aria-labelledby="norm-facts-title" data-testid="norm-facts">
      <h2 id="norm-facts-title" className="norm-facts__title">
        {norm.name}
      </h2>
      {norm.description && <p className="norm-facts__description">{norm.description}</p>}
      <dl className="facts">
        <dt>{ct.normFacts.facilityType}</dt>
        <dd>{facilityTypeName}</dd>
        <dt>{ct.normFacts.factor}</dt>
        <dd data-testid="norm-factor">{factorText(version, variableName)}</dd>
        <dt>{ct.normFacts.supply}</dt>
        <dd data-testid="norm-supply">{supplyText(version)}</dd>
        <dt>{ct.normFacts.catchment}</dt>
        <dd data-testid="norm-catchment">{catchmentText(version.catchment, levelName)}</dd>
        <dt>{ct.normFacts.source}</dt>
        <dd data-testid="norm-source">{norm.source || ct.normFacts.none}</dd>
        {stichtag && (
          <>
            <dt>{ct.normFacts.populationDate}</dt>
            <dd>{stichtag.populationDate ? formatDate(stichtag.populationDate) : ct.normFacts.none}</dd>
          </>
        )}
      </dl>
      {stichtag && !stichtag.version && <p className="notice">{ct.normFacts.versionNone}</p>}
    </section>
  );
}
