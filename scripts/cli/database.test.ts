import { describe, expect, it } from "vitest";
import { describeDatabase, redactUrl } from "./database";

describe("the database a command names", () => {
  it("gives the SQLite file's full path, and says when the file is new", () => {
    expect(describeDatabase({ provider: "sqlite", file: "/srv/cirrus/data/cirrus.db" })).toBe(
      "SQLite file /srv/cirrus/data/cirrus.db",
    );
    expect(describeDatabase({ provider: "sqlite", file: "/tmp/data/cirrus.db" }, false)).toMatch(
      /^SQLite file \/tmp\/data\/cirrus\.db \(new: /,
    );
  });

  it("shows a PostgreSQL URL with its password hidden", () => {
    const shown = describeDatabase({
      provider: "postgresql",
      url: "postgresql://cirrus:s3cret@db.internal:5432/cirrus?sslmode=require",
    });
    expect(shown).toBe("PostgreSQL postgresql://cirrus:****@db.internal:5432/cirrus?sslmode=require");
  });

  it("hides a password given as a query parameter, and in a URL it cannot parse", () => {
    expect(redactUrl("postgres://db/cirrus?user=c&password=s3cret")).not.toContain("s3cret");
    expect(redactUrl("postgres://c:s3cret@[bad/cirrus")).not.toContain("s3cret");
  });
});
