/**
 * Fitness, fatigue and form (the Performance Management Chart model) as three lines told apart by colour AND
 * line pattern (the legend names them). It is a model of training load, not a measurement of the body.
 */
import * as Plot from '@observablehq/plot';
import type { FitnessPoint } from '../types/load.ts';
import { FITNESS_STYLE, type FitnessLine } from './fitness-style.ts';
import { CHART_COLOR, type ChartFrame, dayDate, timeFrame } from './plot-basics.ts';

const LINES: readonly FitnessLine[] = ['fitness', 'fatigue', 'form'];

export function fitnessPlot(points: readonly FitnessPoint[], frame: ChartFrame): Element {
  const x = (p: FitnessPoint) => dayDate(p.date);
  return Plot.plot({
    ...timeFrame(frame, 'load score'),
    marks: [
      Plot.ruleY([0], { stroke: CHART_COLOR.muted }),
      ...LINES.map((line) =>
        Plot.lineY(points, {
          x,
          y: line,
          stroke: FITNESS_STYLE[line].color,
          strokeWidth: 2.25,
          ...(FITNESS_STYLE[line].dash ? { strokeDasharray: FITNESS_STYLE[line].dash } : {}),
        }),
      ),
    ],
  });
}
