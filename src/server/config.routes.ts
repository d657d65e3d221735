import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getTerritory, listLevels } from '../areas/area.repository.ts';
import { currentDate, listDates } from '../indicators/indicator.repository.ts';
import { AppConfig } from './config.schema.ts';

export const configRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/config',
    { schema: { tags: ['App'], summary: 'Startkonfiguration der Web-App', response: { 200: AppConfig } } },
    async (req) => {
      const db = app.db;
      const [territory, levels, dates, current] = await Promise.all([
        getTerritory(db),
        listLevels(db),
        listDates(db),
        currentDate(db),
      ]);
      const mapLevels = levels.filter((l) => l.rank >= 1 && l.areaCount > 0);
      return {
        territory: territory ? { key: territory.key, name: territory.name } : null,
        levels,
        defaultLevel: mapLevels.at(-1)?.key ?? levels.at(-1)?.key ?? null,
        dates,
        currentDate: current,
        tileUrl: app.appOptions.tileUrl ?? null,
        user: req.user,
      };
    },
  );
};
