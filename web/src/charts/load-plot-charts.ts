/**
 * Loads the Plot-drawn charts (plot-charts.ts, with Observable Plot) once, when the first of them is drawn:
 * the Training screen's first chart is drawn by hand and does not wait for them. A failed load (the server
 * restarted with a new build) is tried again by the next chart that asks.
 */
export type PlotCharts = typeof import('./plot-charts.ts');

let pending: Promise<PlotCharts> | null = null;

export function loadPlotCharts(): Promise<PlotCharts> {
  pending ??= import('./plot-charts.ts').catch((error: unknown) => {
    pending = null;
    throw error;
  });
  return pending;
}
