import clsx from "clsx";
import { useState } from "react";
import { formatCount } from "../../lib/format";
import type { Sheet } from "./sheets";

function Table({ sheet }: { sheet: Sheet }) {
  const [header, ...body] = sheet.rows;
  const width = Math.max(...sheet.rows.map((r) => r.length));
  const pad = (row: string[]) => [...row, ...Array<string>(width - row.length).fill("")];
  return (
    <>
      <table className="min-w-full border-separate border-spacing-0 text-[0.8125rem]">
        {header && (
          <thead>
            <tr>
              {pad(header).map((cell, i) => (
                <th
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional.
                  key={i}
                  scope="col"
                  className="sticky top-0 whitespace-nowrap border-b border-r border-line bg-sidebar px-3 py-1.5 text-left font-semibold text-ink"
                >
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {body.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional.
            <tr key={r} className="even:bg-code-bg/60">
              {pad(row).map((cell, c) => (
                <td
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional.
                  key={c}
                  className={clsx(
                    "max-w-[24rem] truncate whitespace-nowrap border-b border-r border-line px-3 py-1 text-ink",
                    /^-?[\d.,]+%?$/.test(cell.trim()) && "text-right tabular-nums",
                  )}
                  title={cell.length > 40 ? cell : undefined}
                >
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {sheet.omitted > 0 && (
        <p className="px-4 py-3 text-sm text-muted">
          {formatCount(sheet.omitted)} more rows are not shown here. Download the file to see them
          all.
        </p>
      )}
    </>
  );
}

/** A spreadsheet's sheets as tables, with tabs when the workbook has more than one. */
export function SheetView({ sheets }: { sheets: Sheet[] }) {
  const [index, setIndex] = useState(0);
  const sheet = sheets[index] ?? sheets[0];
  if (!sheet) return null;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {sheets.length > 1 && (
        <div
          role="toolbar"
          aria-label="Sheets"
          className="flex shrink-0 gap-1 overflow-x-auto border-b border-line px-3 py-1.5"
        >
          {sheets.map((s, i) => (
            <button
              // biome-ignore lint/suspicious/noArrayIndexKey: sheet names may repeat.
              key={i}
              type="button"
              aria-pressed={i === index}
              onClick={() => setIndex(i)}
              className={clsx(
                "whitespace-nowrap rounded-md px-2.5 py-1 text-[0.8125rem]",
                i === index
                  ? "bg-accent-soft font-medium text-ink"
                  : "text-ink-soft hover:bg-line/60",
              )}
            >
              {s.name || `Sheet ${i + 1}`}
            </button>
          ))}
        </div>
      )}
      <section
        className="min-h-0 flex-1 overflow-auto"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        tabIndex={0}
        aria-label={sheet.name ? `Sheet ${sheet.name}` : "Table"}
        data-testid="viewer-sheet"
      >
        <Table sheet={sheet} />
      </section>
    </div>
  );
}
