/**
 * A chart on the dashboard: the SVG drawn by a chart builder (the *.plot.ts ones, loaded with Plot on first
 * use; spike-timeline.svg.ts, drawn by hand) at the width its box has, a caption that says in words what the
 * chart shows, and the numbers as a table behind a <details>, so a screen-reader user or anyone who prefers
 * numbers gets the same information.
 *
 * The width is read once before the first paint, then followed by a ResizeObserver (one read per resize, no
 * layout queries while drawing); each drawing waits its turn in the draw queue (draw-queue.ts), so the first
 * chart on a screen shows before the next ones are built. The box keeps the chart's height while it is
 * empty so the page does not jump when the SVG arrives.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ChartTable, type ChartTableData } from './chart-table.tsx';
import { scheduleDraw } from './draw-queue.ts';
import './charts.css';

/** Builds the chart's SVG for a width; a promise when the chart's code loads on first use (load-plot-charts.ts). */
export type ChartRenderer = (width: number) => Element | Promise<Element>;

export interface ChartFigureProps {
  /** A stable name for tests and styles: `data-chart` on the figure. */
  name: string;
  /** Builds the SVG for a width; give a new function (useMemo/useCallback) only when the data changes. */
  render: ChartRenderer;
  height: number;
  /** What the chart shows, in words (the visible caption). */
  caption: ComponentChildren;
  legend?: ComponentChildren;
  table: ChartTableData;
}

/** Widths below this are a hidden or collapsed box: nothing worth drawing. */
const MIN_WIDTH = 120;

export function ChartFigure(props: ChartFigureProps) {
  const canvas = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useLayoutEffect(() => {
    const box = canvas.current;
    if (!box) return;
    // The width now, so the chart is drawn in the frame that shows the screen, not one resize callback later.
    setWidth(Math.floor(box.getBoundingClientRect().width));
    const observer = new ResizeObserver((entries) => {
      const next = Math.floor(entries[0]?.contentRect.width ?? 0);
      // Same width (a height change, a scrollbar flicker of under a pixel): keep the drawn chart.
      setWidth((current) => (Math.abs(current - next) >= 1 ? next : current));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const box = canvas.current;
    if (!box || width < MIN_WIDTH) return;
    let current = true;
    const place = (chart: Element) => {
      if (!current) return;
      // One image to assistive technology, named by the builder's ariaLabel; the caption and table carry the detail.
      if (chart.tagName.toLowerCase() === 'svg') chart.setAttribute('role', 'img');
      box.replaceChildren(chart);
    };
    const cancel = scheduleDraw(() => {
      const chart = props.render(width);
      if (!(chart instanceof Promise)) return place(chart);
      return chart.then(place, (error: unknown) => {
        if (!current) return;
        const message = document.createElement('p');
        message.className = 'chart-empty';
        message.textContent = `This chart could not be drawn (${error instanceof Error ? error.message : String(error)}). Reload the page to try again; the numbers are in the table below.`;
        box.replaceChildren(message);
      });
    });
    return () => {
      current = false;
      cancel();
    };
  }, [props.render, width]);

  return (
    <figure class="chart" data-chart={props.name}>
      {props.legend}
      <div class="chart-canvas" ref={canvas} style={{ minHeight: `${props.height}px` }} />
      <figcaption>{props.caption}</figcaption>
      <ChartTable {...props.table} />
    </figure>
  );
}
