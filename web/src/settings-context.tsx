/**
 * The runner's settings and what the dashboard knows about their data, loaded once and shared by every screen.
 * Numbers are shown in the runner's units through `useUnits()`.
 */
import { type ComponentChildren, createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { RunnerSettings } from '../../src/domain/settings.ts';
import { type DistanceUnits, formatDistance, metresToUnits } from '../../src/domain/units.ts';

/** GET /api/overview */
export interface Overview {
  athlete: { id: string; name: string };
  settings: RunnerSettings;
  counts: { activities: number; runs: number; shoes: number; painEntries: number; assessments: number };
  /** Demo rows are present (seeded by `kneewise demo` or the onboarding button). */
  hasDemo: boolean;
  firstActivityDate: string | null;
  lastActivityDate: string | null;
  /** Today in the runner's time zone, YYYY-MM-DD. */
  today: string;
}

/** The data categories of server mode's consent (src/server-mode/domain/roles.ts). */
export type DataCategory = 'training' | 'symptoms' | 'clinical' | 'gear';

/**
 * What the person looking may do with these data: everything for the single runner and for an athlete's own
 * account; in server mode a member reads and writes only what the athlete shared with them.
 */
export interface ViewerAccess {
  own: boolean;
  read: readonly DataCategory[];
  write: readonly DataCategory[];
}

export const FULL_ACCESS: ViewerAccess = {
  own: true,
  read: ['training', 'symptoms', 'clinical', 'gear'],
  write: ['training', 'symptoms', 'clinical', 'gear'],
};

export interface AppState {
  overview: Overview;
  /** Reload the overview (after an import, a settings change, demo seeded or removed). */
  refresh: () => void;
  /** Absent: the single runner (everything). */
  access?: ViewerAccess;
}

const AppStateContext = createContext<AppState | null>(null);

export function AppStateProvider(props: { value: AppState; children: ComponentChildren }) {
  return <AppStateContext.Provider value={props.value}>{props.children}</AppStateContext.Provider>;
}

export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('useAppState outside AppStateProvider');
  return state;
}

/** Whether the person looking may change this category's data (write controls are hidden otherwise). */
export function useCanWrite(category: DataCategory): boolean {
  const access = useContext(AppStateContext)?.access ?? FULL_ACCESS;
  return access.write.includes(category);
}

/** Whether these are the person's own data (settings, export, deleting everything). */
export function useIsOwnData(): boolean {
  return (useContext(AppStateContext)?.access ?? FULL_ACCESS).own;
}

export interface Units {
  units: DistanceUnits;
  /** "12.3 km" / "7.6 mi" */
  distance: (metres: number, options?: { roundDown?: boolean }) => string;
  /** The number alone, in the runner's units. */
  value: (metres: number) => number;
  /** "km" or "mi" */
  label: DistanceUnits;
  /** Pace for a distance and time: "5:32 /km". */
  pace: (metres: number, seconds: number) => string;
}

export function unitsFor(units: DistanceUnits): Units {
  return {
    units,
    label: units,
    distance: (m, options = {}) => formatDistance(m, units, options),
    value: (m) => metresToUnits(m, units),
    pace: (m, s) => {
      const perUnit = m > 0 ? s / metresToUnits(m, units) : 0;
      if (!Number.isFinite(perUnit) || perUnit <= 0) return '–';
      const total = Math.round(perUnit);
      return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')} /${units}`;
    },
  };
}

export function useUnits(): Units {
  return unitsFor(useAppState().overview.settings.units);
}
