/**
 * How the fitness chart tells its three lines apart (colour AND line pattern): read by the chart (drawn by
 * Plot, loaded on first use) and by its legend (drawn with the screen), so it lives apart from both.
 */
import { CHART_COLOR } from './plot-basics.ts';

export type FitnessLine = 'fitness' | 'fatigue' | 'form';

export const FITNESS_STYLE: Readonly<
  Record<FitnessLine, { label: string; color: string; dash: string | null }>
> = {
  fitness: { label: 'Fitness', color: CHART_COLOR.primary, dash: null },
  fatigue: { label: 'Fatigue', color: CHART_COLOR.spike, dash: '6 3' },
  form: { label: 'Form', color: CHART_COLOR.good, dash: '1.5 3' },
};
