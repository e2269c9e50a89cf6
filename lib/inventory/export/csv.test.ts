import { describe, expect, it } from "vitest";
import { csvField, csvRecord, neutraliseFormula } from "./csv";

describe("neutraliseFormula (OWASP CSV injection)", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd", "\0x", '=HYPERLINK("http://x","y")'])("prefixes %j with a quote", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each(["i-0abc", "web 1", "a=b", "1-2", "", "'already", " =leading space"])("leaves %j alone", (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe("csvField", () => {
  it("keeps numbers numbers, negative ones included, and does not neutralise them", () => {
    expect(csvField(-2)).toBe("-2");
    expect(csvField(0)).toBe("0");
    expect(csvField(1.5)).toBe("1.5");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("neutralises text that looks like a negative number: text is never run, numbers are typed", () => {
    expect(csvField("-2")).toBe("'-2");
  });

  it("writes null as empty, booleans as true/false and dates as ISO UTC", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(true)).toBe("true");
    expect(csvField(new Date("2024-05-06T07:08:09.000Z"))).toBe("2024-05-06T07:08:09.000Z");
  });

  it("quotes fields holding a quote, comma, CR or LF and doubles the quotes (RFC 4180)", () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("line1\nline2")).toBe('"line1\nline2"');
    expect(csvField("a\rb")).toBe('"a\rb"');
    expect(csvField("plain")).toBe("plain");
  });

  it("quotes after neutralising, so a formula with a comma stays one field", () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField("\r=1")).toBe(`"'\r=1"`);
  });
});

describe("csvRecord", () => {
  it("joins with commas and ends with CRLF", () => {
    expect(csvRecord(["i-1", 4, null, "=x", '{"Name":"a,b"}'])).toBe(`i-1,4,,'=x,"{""Name"":""a,b""}"\r\n`);
  });
});
