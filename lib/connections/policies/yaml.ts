// A small YAML writer for CloudFormation: block mappings and sequences, every string
// double-quoted (JSON string syntax is valid YAML), so no value is ever misread as a number,
// boolean or tag.

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

export function toYaml(value: Value, indent = 0): string {
  return `${lines(value, indent).join("\n")}\n`;
}

function lines(value: Value, indent: number): string[] {
  const pad = " ".repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}[]`];
    return value.flatMap((item) => {
      if (isScalar(item)) return [`${pad}- ${scalar(item)}`];
      const [first, ...rest] = lines(item, indent + 2);
      return [`${pad}- ${first.trimStart()}`, ...rest];
    });
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${pad}{}`];
    return entries.flatMap(([raw, item]) => {
      const key = /^[A-Za-z_][A-Za-z0-9_]*$/.test(raw) ? raw : JSON.stringify(raw);
      return isScalar(item) ? [`${pad}${key}: ${scalar(item)}`] : [`${pad}${key}:`, ...lines(item, indent + 2)];
    });
  }
  return [`${pad}${scalar(value)}`];
}

function isScalar(value: Value): value is string | number | boolean | null {
  return (
    value === null ||
    typeof value !== "object" ||
    (Array.isArray(value) && value.length === 0) ||
    (!Array.isArray(value) && Object.keys(value).length === 0)
  );
}

function scalar(value: Value): string {
  if (Array.isArray(value)) return "[]";
  if (value !== null && typeof value === "object") return "{}";
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
