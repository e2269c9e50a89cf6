// RFC 4180 CSV, safe to open in a spreadsheet: CRLF line ends, fields quoted when they hold a
// quote, comma, CR or LF (quotes doubled), and text that a spreadsheet would run as a formula
// prefixed with a single quote (OWASP "CSV injection"). Numbers are written as numbers, so a
// negative vCPU delta stays -2 and is not turned into text.

export type CsvValue = string | number | boolean | Date | null | undefined;

// `=`, `+`, `-`, `@` start a formula; TAB, CR and NUL can hide one from a naive check.
const FORMULA_START = /^[=+\-@\t\r\0]/;

// Only text is neutralised: numbers, booleans and dates cannot carry a formula.
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "string") text = neutraliseFormula(value);
  else if (typeof value === "number") text = Number.isFinite(value) ? String(value) : "";
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? "" : value.toISOString();
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

// Excel reads a UTF-8 file as the local code page unless it starts with a byte order mark.
export const UTF8_BOM = "\uFEFF";
