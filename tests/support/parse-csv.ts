// A strict RFC 4180 reader for tests: quoted fields may hold commas, quotes ("") and line
// breaks; records end with CRLF. A bare LF outside quotes is an error, so a writer that
// forgets CRLF or quoting fails loudly instead of being read leniently.
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] !== '"') quoted = false;
      else {
        field += '"';
        i++;
      }
    } else if (c === '"') {
      if (field !== "") throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else if (c === "\n" || c === "\r") {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else field += c;
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || record.length) throw new Error("last record does not end with CRLF");
  return records;
}

// Records as objects keyed by the header row.
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => {
    if (row.length !== header.length) throw new Error(`record has ${row.length} fields, header ${header.length}`);
    return Object.fromEntries(header.map((key, index) => [key, row[index]]));
  });
}
