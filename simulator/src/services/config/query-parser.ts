// Parser for the subset of AWS Config's advanced-query SQL a collector issues:
// SELECT dotted.paths [, ...] [WHERE cond], cond built from = != < <= > >= IN, NOT IN, LIKE,
// BETWEEN, AND, OR, NOT and parentheses. Anything else (GROUP BY, ORDER BY, aggregates, *)
// is rejected with InvalidExpressionException.
import { ApiError } from "../../protocols/errors";

export type Literal = string | number | boolean;
export type Condition =
  | { kind: "and" | "or"; left: Condition; right: Condition }
  | { kind: "not"; inner: Condition }
  | { kind: "cmp"; path: string; op: "=" | "!=" | "<" | "<=" | ">" | ">="; value: Literal }
  | { kind: "in"; path: string; values: Literal[]; negated: boolean }
  | { kind: "like"; path: string; pattern: string; negated: boolean }
  | { kind: "between"; path: string; low: Literal; high: Literal };

export interface Query {
  select: string[];
  where?: Condition;
}

type Token = { t: "id" | "str" | "num" | "op" | "punct"; v: string; pos: number };

const KEYWORDS = new Set([
  "SELECT",
  "WHERE",
  "AND",
  "OR",
  "NOT",
  "IN",
  "LIKE",
  "BETWEEN",
  "TRUE",
  "FALSE",
  "GROUP",
  "ORDER",
  "BY",
  "FROM",
  "COUNT",
  "SUM",
  "MIN",
  "MAX",
  "AVG",
  "DISTINCT",
  "AS",
  "ASC",
  "DESC",
]);

export function invalidExpression(detail: string): ApiError {
  return new ApiError("InvalidExpressionException", `Invalid expression: ${detail}`, 400);
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:(')((?:[^']|'')*)'|(\d+(?:\.\d+)?)(?![\w.])|([A-Za-z_][\w.:-]*)|(<=|>=|!=|<>|[=<>])|([(),*]))/y;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) throw invalidExpression(`unexpected character at position ${pos}`);
    const at = m.index + (m[0].length - m[0].trimStart().length);
    if (m[1]) out.push({ t: "str", v: m[2].replace(/''/g, "'"), pos: at });
    else if (m[3]) out.push({ t: "num", v: m[3], pos: at });
    else if (m[4]) out.push({ t: "id", v: m[4], pos: at });
    else if (m[5]) out.push({ t: "op", v: m[5] === "<>" ? "!=" : m[5], pos: at });
    else out.push({ t: "punct", v: m[6], pos: at });
    pos = re.lastIndex;
  }
  return out;
}

export function parseQuery(expression: string): Query {
  const tokens = tokenize(expression);
  let i = 0;
  const peek = () => tokens[i];
  const isKw = (kw: string) => peek()?.t === "id" && peek().v.toUpperCase() === kw;
  const fail = (what: string): never => {
    const tok = peek();
    throw invalidExpression(
      tok ? `unexpected '${tok.v}' at position ${tok.pos} (${what})` : `unexpected end of expression (${what})`,
    );
  };
  const expectKw = (kw: string) => (isKw(kw) ? i++ : fail(`expected ${kw}`));
  const path = (): string => {
    const tok = peek();
    if (tok?.t !== "id" || KEYWORDS.has(tok.v.toUpperCase())) return fail("expected a property path");
    i++;
    return tok.v;
  };
  const literal = (): Literal => {
    const tok = peek();
    if (tok?.t === "str") return (i++, tok.v);
    if (tok?.t === "num") return (i++, Number(tok.v));
    if (isKw("TRUE") || isKw("FALSE")) return (i++, tok.v.toUpperCase() === "TRUE");
    return fail("expected a value");
  };
  const punct = (v: string) => (peek()?.t === "punct" && peek().v === v ? (i++, true) : false);

  const primary = (): Condition => {
    if (punct("(")) {
      const inner = or();
      if (!punct(")")) fail("expected )");
      return inner;
    }
    const p = path();
    const negated = isKw("NOT") ? (i++, true) : false;
    if (isKw("IN")) {
      i++;
      if (!punct("(")) fail("expected ( after IN");
      const values = [literal()];
      while (punct(",")) values.push(literal());
      if (!punct(")")) fail("expected ) after IN list");
      return { kind: "in", path: p, values, negated };
    }
    if (isKw("LIKE")) {
      i++;
      const pattern = literal();
      if (typeof pattern !== "string") fail("LIKE needs a string");
      return { kind: "like", path: p, pattern: String(pattern), negated };
    }
    if (negated) fail("expected IN or LIKE after NOT");
    if (isKw("BETWEEN")) {
      i++;
      const low = literal();
      expectKw("AND");
      return { kind: "between", path: p, low, high: literal() };
    }
    const op = peek();
    if (op?.t !== "op") return fail("expected a comparison");
    i++;
    return { kind: "cmp", path: p, op: op.v as "=", value: literal() };
  };
  const not = (): Condition => (isKw("NOT") ? (i++, { kind: "not", inner: not() }) : primary());
  const and = (): Condition => {
    let left = not();
    while (isKw("AND")) {
      i++;
      left = { kind: "and", left, right: not() };
    }
    return left;
  };
  const or = (): Condition => {
    let left = and();
    while (isKw("OR")) {
      i++;
      left = { kind: "or", left, right: and() };
    }
    return left;
  };

  expectKw("SELECT");
  const select = [path()];
  while (punct(",")) select.push(path());
  const where = isKw("WHERE") ? (i++, or()) : undefined;
  if (i < tokens.length) fail("only SELECT ... WHERE ... is supported by the simulator");
  return { select, where };
}
