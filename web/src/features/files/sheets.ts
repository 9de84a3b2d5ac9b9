export interface Sheet {
  /** The workbook sheet's name; null for a plain CSV or TSV file. */
  name: string | null;
  rows: string[][];
  /** Rows left out past the limit. */
  omitted: number;
}

// What the server writes between a workbook's sheets in the text it extracts.
const SHEET_HEADING = /^--- Sheet: (.*) ---$/;

function pickDelimiter(firstLine: string): string {
  const counts = [",", "\t", ";"].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? counts[0][0] : ",";
}

/** RFC 4180 rows: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export function parseDelimited(
  text: string,
  delimiter = pickDelimiter(text.split("\n", 1)[0] ?? ""),
) {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += ch;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The tables in a spreadsheet's extracted text: one per workbook sheet, or the one of a CSV.
 * Null when it does not look like a table (a single column all the way down).
 */
export function parseSheets(text: string, maxRows = 2000): Sheet[] | null {
  const sections: { name: string | null; lines: string[] }[] = [];
  let current: { name: string | null; lines: string[] } = { name: null, lines: [] };
  for (const line of text.split("\n")) {
    const heading = SHEET_HEADING.exec(line.trim());
    if (heading) {
      if (current.name !== null || current.lines.some((l) => l.trim())) sections.push(current);
      current = { name: heading[1] ?? "", lines: [] };
    } else {
      current.lines.push(line);
    }
  }
  sections.push(current);
  const sheets = sections
    .map(({ name, lines }) => {
      const all = parseDelimited(lines.join("\n").replace(/\n+$/, "")).filter((r) =>
        r.some((cell) => cell !== ""),
      );
      return { name, rows: all.slice(0, maxRows), omitted: Math.max(0, all.length - maxRows) };
    })
    .filter((sheet) => sheet.name !== null || sheet.rows.length > 0);
  const tabular = sheets.some((sheet) => sheet.rows.some((r) => r.length > 1));
  return tabular ? sheets : null;
}
