import { describe, expect, it } from "vitest";
import { csvField, csvRecord, neutraliseFormula, spreadsheetText } from "./csv";

describe("neutraliseFormula (OWASP CSV injection)", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd", "\0x", '=HYPERLINK("http://x","y")'])(
    "prefixes %j with a quote",
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    },
  );

  it.each(["x;=1+cmd|' /C calc'!A0", "a,=1+1", "a, +1", "a\t-1", "a|@SUM(A1)", "a\n=1", "a;\t=1"])(
    "prefixes %j, a formula after a separator, with a quote",
    (text) => {
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    },
  );

  it.each([
    "i-0abc",
    "web 1",
    "a=b",
    "1-2",
    "",
    "'already",
    " =leading space",
    "a;b",
    "t3.micro, m5.large",
    "10 - 2",
    '{"Name":"=x"}',
  ])("leaves %j alone", (text) => {
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

describe("csvField: hostile text for `;`-separated spreadsheets and invisible characters (issue 10 item 10)", () => {
  it("x;=1+cmd|' /C calc'!A0 is quoted and prefixed, so no separator makes a formula cell of it", () => {
    expect(csvField("x;=1+cmd|' /C calc'!A0")).toBe(`"'x;=1+cmd|' /C calc'!A0"`);
    // Read with `;` as the separator (quotes honoured), it stays one text cell.
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField("a|b")).toBe('"a|b"');
    expect(csvField("a\tb")).toBe('"a\tb"');
  });

  it("NUL and bidi overrides are written as visible ⟨U+XXXX⟩ text, before the formula guard", () => {
    expect(csvField("invoice\u202Etxt.exe")).toBe("invoice⟨U+202E⟩txt.exe");
    expect(csvField("a\u0000b")).toBe("a⟨U+0000⟩b");
    expect(csvField("\u2066=1+1\u2069")).toBe("⟨U+2066⟩=1+1⟨U+2069⟩");
    expect(spreadsheetText("\u0000=1")).toBe("⟨U+0000⟩=1");
    // The mark, now visible text, no longer hides a formula start behind the separator.
    expect(spreadsheetText("ok;\u200F=1")).toBe("ok;⟨U+200F⟩=1");
  });
});

describe("csvRecord", () => {
  it("joins with commas and ends with CRLF", () => {
    expect(csvRecord(["i-1", 4, null, "=x", '{"Name":"a,b"}'])).toBe(`i-1,4,,'=x,"{""Name"":""a,b""}"\r\n`);
  });
});

describe("csvField: plain text written as is is exactly what the full guard writes", () => {
  // The guard spelled out step by step, as csvField applied it before its shortcut for plain text.
  const guarded = (text: string) => {
    const safe = spreadsheetText(text);
    return /[",;\t|\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const alphabet = [
    "a",
    "Z",
    "0",
    "-",
    "=",
    "+",
    "@",
    " ",
    ",",
    ";",
    "|",
    '"',
    "\t",
    "\r",
    "\n",
    "\0",
    "\u202E",
    "é",
    "'",
    ".",
  ];

  it("agrees on every string of up to 3 characters from an alphabet of the characters that matter", () => {
    const texts = [""];
    for (let length = 1; length <= 3; length++)
      for (const prefix of texts.filter((text) => text.length === length - 1))
        for (const char of alphabet) texts.push(prefix + char);
    expect(texts.length).toBe(1 + 20 + 400 + 8000);
    for (const text of texts) expect(csvField(text), JSON.stringify(text)).toBe(guarded(text));
  });

  it("agrees on ids, names and ISO dates (the common cells)", () => {
    for (const text of ["i-0abc123", "web server 1", "2024-05-06T07:08:09.000Z", "RHEL", "ip-10-0-0-1.ec2.internal"])
      expect(csvField(text)).toBe(guarded(text));
  });
});
