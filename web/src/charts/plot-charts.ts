/**
 * The charts Observable Plot draws, gathered in one module that the page loads on first use
 * (load-plot-charts.ts): Plot is most of the Training screen's code, and its first chart (drawn by hand,
 * spike-timeline.svg.ts) is on screen before this arrives.
 */
export { cadencePlot } from './cadence.plot.ts';
export { descentPlot } from './descent.plot.ts';
export { fitnessPlot } from './fitness.plot.ts';
export { weeklyDistancePlot } from './weekly-distance.plot.ts';
