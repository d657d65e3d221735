import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getTerritory } from '../areas/area.repository.ts';
import { listLevelsWithCoverage } from '../areas/partial-levels.ts';
import { currentDate, listDates } from '../observations/observation.repository.ts';
import { readCity } from '../setup/city.service.ts';
import { setupNeeded } from '../setup/setup.service.ts';
import { publishedProjection } from '../projection/projection-series.service.ts';
import { AppConfig } from './config.schema.ts';

export const configRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/config',
    {
      schema: {
        tags: ['App'],
        access: 'optional',
        summary: 'Startkonfiguration der Web-App',
        response: { 200: AppConfig },
      },
    },
    async (req) => {
      const db = app.db;
      const [territory, levels, dates, current, city, needed, projection] = await Promise.all([
        getTerritory(db),
        listLevelsWithCoverage(db),
        listDates(db),
        currentDate(db),
        readCity(db),
        setupNeeded(db),
        publishedProjection(db),
      ]);
      // the city's default Stichtag, while data exists for it; else the latest population counts
      const opening = city?.defaultDate && dates.includes(city.defaultDate) ? city.defaultDate : current;
      const mapLevels = levels.filter((l) => l.rank >= 1 && l.areaCount > 0);
      return {
        territory: territory ? { key: territory.key, name: territory.name } : null,
        levels,
        defaultLevel: mapLevels.at(-1)?.key ?? levels.at(-1)?.key ?? null,
        dates,
        currentDate: opening,
        tileUrl: app.appOptions.tileUrl ?? null,
        user: req.user,
        setupNeeded: needed,
        projection,
        sources: { publisher: city?.publisher ?? '', licence: city?.licence ?? '' },
      };
    },
  );
};
