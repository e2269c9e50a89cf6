import { showControlCharacters } from "../../text/visible-controls";

// RFC 4180 CSV, safe to open in a spreadsheet: CRLF line ends, fields quoted when they hold a
// quote, a separator, CR or LF (quotes doubled), and text that a spreadsheet would run as a
// formula prefixed with a single quote (OWASP "CSV injection"). Numbers are written as numbers,
// so a negative vCPU delta stays -2 and is not turned into text.

export type CsvValue = string | number | boolean | Date | null | undefined;

// `=`, `+`, `-`, `@` start a formula; TAB, CR and NUL can hide one from a naive check.
const FORMULA_START = /^[=+\-@\t\r\0]/;
// A formula after a separator: a spreadsheet reading the file with `;` (the list separator of
// most European locales), TAB or `|`, or a tool splitting lines, sees `x;=1+cmd|' /C calc'!A0`
// as two cells, the second one a formula.
const FORMULA_AFTER_SEPARATOR = /[,;\t|\r\n][ \t]*[=+\-@]/;
// Quoted so that no reader splits the cell, whichever of these it takes for the separator.
const NEEDS_QUOTES = /[",;\t|\r\n]/;
// Text that none of the above applies to (no control or bidi character, quote or separator
// anywhere, no formula start): most cells of an export (ids, types, names), written as they are.
// One test instead of four: CSV export formats millions of cells.
const PLAIN_TEXT = /^(?![=+\-@])[^\u0000-\u001F\u007F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069",;|]*$/;

// Only text is neutralised: numbers, booleans and dates cannot carry a formula.
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) || FORMULA_AFTER_SEPARATOR.test(text) ? `'${text}` : text;
}

// The text of a CSV or XLSX cell: invisible controls written out (⟨U+202E⟩), then the formula guard.
// Plain text is neither: one test instead of three (1.8 s of a 1M-row XLSX export's CPU).
export function spreadsheetText(text: string): string {
  if (PLAIN_TEXT.test(text)) return text;
  return neutraliseFormula(showControlCharacters(text));
}

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "string") {
    if (PLAIN_TEXT.test(value)) return value;
    text = spreadsheetText(value);
  } else if (typeof value === "number") text = Number.isFinite(value) ? String(value) : "";
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? "" : value.toISOString();
  else text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

// Excel reads a UTF-8 file as the local code page unless it starts with a byte order mark.
export const UTF8_BOM = "\uFEFF";
