import type { ExportColumn, ExportValue } from "./columns";

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;
// "2024-05-06 07:08:09" in the sheet's date format, plus the filter button.
const DATE_WIDTH = 21;
// Room for the auto-filter's drop-down button beside the header text.
const FILTER_BUTTON = 3;

// Widths in characters that fit the header and the values of the first rows (the sheet is
// streamed, so its widths are fixed before the rest is read), within sensible bounds: long
// texts such as tags are cut off on screen, not in the cell.
export function columnWidths(columns: ExportColumn[], sample: ExportValue[][]): number[] {
  return columns.map((column, index) => {
    if (column.date) return Math.max(DATE_WIDTH, column.label.length + FILTER_BUTTON);
    const longest = sample.reduce((max, values) => Math.max(max, shownLength(values[index])), 0);
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, column.label.length + FILTER_BUTTON, longest + 1));
  });
}

function shownLength(value: ExportValue): number {
  if (value === null) return 0;
  if (value instanceof Date) return DATE_WIDTH;
  return String(value).length;
}
