/**
 * Colours of facility points by status, strong enough against the white area fill (contrast ≥ 3:1
 * for graphics, WCAG 1.4.11) and told apart without colour in the table's status column.
 */
import type { FacilityStatus } from './facility-api.ts';

export const STATUS_COLORS: Record<FacilityStatus, string> = {
  'in Betrieb': '#1f4e79',
  geplant: '#c2410c',
  geschlossen: '#6b7280',
};

/** The position being set (new facility, move, scenario opening). */
export const DRAFT_COLOR = '#a4161a';
