import { tableClass, thClass, tdClass } from "@/components/console/table";

/**
 * A chart with its text alternative: the caption says what it shows, `summary` is the chart's
 * accessible name (the figures in one sentence), and the same data is a table behind "Show data".
 */
export function ChartFigure({
  id,
  title,
  summary,
  columns,
  rows,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  columns: string[];
  rows: (string | number)[][];
  children: React.ReactNode;
}) {
  return (
    <figure
      aria-labelledby={`${id}-title`}
      className="space-y-2 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <figcaption id={`${id}-title`} className="text-sm font-medium">
        {title}
      </figcaption>
      <div role="img" aria-label={summary} className="h-56 text-zinc-600 dark:text-zinc-400">
        {children}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Show data</summary>
        <div className="mt-2 max-h-64 overflow-auto" tabIndex={0} role="region" aria-label={`${title}: data`}>
          <table className={tableClass.replace("min-w-[40rem]", "")}>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col" className={thClass}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j} className={tdClass}>
                      {typeof cell === "number" ? cell.toLocaleString("en") : cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
