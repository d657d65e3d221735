import type { AppConfig } from '../api.ts';
import { t } from '../texts.ts';

/**
 * Beside the map of a level that covers only part of the territory (the Sozialräume of one
 * Gemeinde in a Kreis): the map then leaves the rest blank, which would otherwise read as missing
 * data. Names the areas that have the level where the server lists them.
 */
export function PartialLevelNotice({
  level,
}: {
  level: Pick<AppConfig['levels'][number], 'partial' | 'partialIn'>;
}) {
  if (!level.partial) return null;
  return (
    <p className="notice" role="note" data-testid="partial-level-note">
      {t.atlasPartialLevel.text(level.partialIn ?? [])}
    </p>
  );
}
