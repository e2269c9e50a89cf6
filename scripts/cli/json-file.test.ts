import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InputFileError, parseJson, readJsonFile } from "./json-file";

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InputFileError);
    return (error as Error).message;
  }
  throw new Error("expected an InputFileError");
}

describe("JSON files given to the command line", () => {
  it("names the line and column of a trailing comma, on one line", () => {
    const text = '{\n  "connections": [\n    { "name": "a", },\n  ]\n}\n';
    const message = errorOf(() => parseJson(text, "connections.json"));
    expect(message).toMatch(/^connections\.json:3:20: invalid JSON: /);
    expect(message).not.toContain("\n");
  });

  it("finds an unexpected token whose V8 message has no position, without quoting the file", () => {
    const text = '{"connections": [\n  {"secretAccessKey": "s3cret"},,\n]}';
    const message = errorOf(() => parseJson(text, "c.json"));
    expect(message).toMatch(/^c\.json:2:33: invalid JSON: Unexpected token ','$/);
    expect(message).not.toContain("s3cret");
  });

  it("points at the end of a file that ends too early", () => {
    expect(errorOf(() => parseJson('{\n"connections": [\n', "c.json"))).toMatch(
      /^c\.json:3:1: invalid JSON: the file ends too early/,
    );
  });

  it("reads a file saved with a byte order mark", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cirrus-json-")), "c.json");
    fs.writeFileSync(file, '\uFEFF{"connections": []}');
    expect(readJsonFile(file)).toEqual({ connections: [] });
  });

  it("says a missing file is missing, naming where it looked", () => {
    expect(errorOf(() => readJsonFile("/nowhere/c.json", "c.json"))).toBe(
      "Cannot read c.json (/nowhere/c.json): no such file",
    );
  });
});
