import { useMemo } from 'react';
import { api } from '../api.ts';
import { useFetched } from '../ui/useFetched.ts';
import { locatorMap } from './locator.ts';
import { pt } from './texts.ts';

interface LocatorMapProps {
  level: string;
  levelName: string;
  areaKey: string;
  areaName: string;
  parentKey: string | null;
}

const WIDTH = 320;

/** The area among all areas of its level (its district lighter), as a small SVG that prints. */
export function LocatorMap({ level, levelName, areaKey, areaName, parentKey }: LocatorMapProps) {
  const areas = useFetched(`locator|${level}`, () => api.areas(level));
  const map = useMemo(() => (areas.data ? locatorMap(areas.data.features, WIDTH) : null), [areas.data]);
  if (!map) return <div className="profile-locator profile-locator--loading" aria-hidden="true" />;
  const own = map.shapes.find((s) => s.id === areaKey);
  return (
    <svg
      className="profile-locator"
      viewBox={`0 0 ${map.width} ${map.height}`}
      role="img"
      aria-label={pt.locatorLabel(areaName, levelName)}
      data-testid="profile-locator"
    >
      {map.shapes.map((s) => (
        <path
          key={s.id}
          d={s.d}
          className={
            s.id === areaKey
              ? 'profile-locator__own'
              : parentKey !== null && s.parent === parentKey
                ? 'profile-locator__district'
                : 'profile-locator__other'
          }
        />
      ))}
      {/* drawn again on top, so its outline is not covered by neighbours */}
      {own && <path d={own.d} className="profile-locator__outline" />}
    </svg>
  );
}
