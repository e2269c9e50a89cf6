// A minimal XML writer: the simulator answers in AWS's XML without an XML library.

const SPECIAL = /[&<>"']/;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(value: string): string {
  // Most values need no escaping; testing first keeps large pages cheap.
  return SPECIAL.test(value) ? value.replace(/[&<>"']/g, (c) => ENTITIES[c]) : value;
}

type Scalar = string | number | boolean | undefined | null;

/** `<name>value</name>`, or nothing when the value is absent (AWS omits unset members). */
export function leaf(name: string, value: Scalar | Date): string {
  if (value === undefined || value === null) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `<${name}>${escapeXml(text)}</${name}>`;
}

/** `<name>children</name>`; children are already-serialized XML fragments. */
export function node(name: string, ...children: string[]): string {
  return `<${name}>${children.join("")}</${name}>`;
}

/** A list: `<name><item>…</item>…</name>` (EC2 uses `item`, IAM `member`, RDS the model's name). */
export function list<T>(
  name: string,
  itemName: string,
  items: readonly T[] | undefined,
  render: (item: T) => string,
): string {
  if (!items) return "";
  let out = `<${name}>`;
  for (const item of items) out += `<${itemName}>${render(item)}</${itemName}>`;
  return out + `</${name}>`;
}

/** A list of plain strings. */
export function stringList(name: string, itemName: string, items: readonly string[] | undefined): string {
  return list(name, itemName, items, (s) => escapeXml(s));
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
