/**
 * The numbers behind a chart, as a table inside a <details>. Rows are built only once the details are opened,
 * and a long table shows its latest rows first with a button for the rest: ten years of runs is 3,000+ rows,
 * which nobody should pay for just by opening the Training screen.
 */
import { useState } from 'preact/hooks';

export type Cell = string | number;

export interface ChartTableData {
  /** The summary line of the <details> ("Table of weekly distance"). */
  summary: string;
  columns: readonly string[];
  /** Called only while the details are open; oldest first. */
  rows: () => Cell[][];
  /** Row count, shown before opening ("12 weeks"). */
  count: number;
  countLabel: string;
}

/** More rows than this wait for "Show all". */
export const TABLE_PAGE = 200;

export function ChartTable(props: ChartTableData) {
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState(false);
  const rows = open ? props.rows() : [];
  const shown = all || rows.length <= TABLE_PAGE ? rows : rows.slice(-TABLE_PAGE);
  return (
    <details
      class="chart-table"
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        {props.summary} ({props.count} {props.countLabel})
      </summary>
      {open && (
        <>
          {shown.length < rows.length && (
            <p class="chart-table-more">
              Showing the latest {shown.length} of {rows.length} {props.countLabel}.{' '}
              <button type="button" class="secondary" onClick={() => setAll(true)}>
                Show all {rows.length}
              </button>
            </p>
          )}
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  {props.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((row, i) => (
                  // Rows are a read-only snapshot of the data in order, so the position is a stable key.
                  <tr key={rows.length - shown.length + i}>
                    {row.map((cell, j) =>
                      j === 0 ? (
                        <th key={props.columns[j]} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={props.columns[j]}>{cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </details>
  );
}
