import type { User } from '../../auth/auth.schema.ts';
import type { CitySettings, CitySettingsBody, SetupBody } from '../../setup/setup.schema.ts';
import { request } from '../api.ts';

export type { CitySettings };

/** Einrichtung and city settings (see setup/setup.routes.ts). */
export const setupApi = {
  run: (body: Omit<SetupBody, 'kind'> & { kind?: SetupBody['kind'] }) =>
    request<{ user: User; city: CitySettings }>('POST', '/api/setup', body),
  city: () => request<{ city: CitySettings | null }>('GET', '/api/city'),
  saveCity: (body: CitySettingsBody) => request<{ city: CitySettings }>('PUT', '/api/city', body),
};
