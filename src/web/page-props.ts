/** What App hands every page of the Sozialmonitoring (monitoring, warnings, profiles, typology). */
import type { AppConfig, Indicator, User } from './api.ts';

export interface PageProps {
  config: AppConfig;
  /** Indicators the user may see, in catalogue order. */
  indicators: Indicator[];
  /** Levels with areas, coarse to fine (rank ≥ 1). */
  levels: AppConfig['levels'];
  user: User | null;
  /** Planner or admin: may edit definitions and see unprotected values. */
  canEdit: boolean;
  onLogin: () => void;
  /** Says something to screen readers (live region). */
  announce: (message: string) => void;
}
