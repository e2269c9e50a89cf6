import { describe, expect, it } from "vitest";
import { rdsLicenceModel } from "./rds-licence-model";

describe("rdsLicenceModel", () => {
  it.each([
    ["bring-your-own-license", "byol"],
    ["license-included", "license-included"],
    ["marketplace-license", "license-included"],
    ["general-public-license", "none"],
    ["postgresql-license", "none"],
    ["amazon-license", "none"],
    ["Bring-Your-Own-License", "byol"],
  ])("%s -> %s", (value, expected) => {
    expect(rdsLicenceModel(value)).toBe(expected);
  });

  it("is unknown when RDS did not say or said something new", () => {
    expect(rdsLicenceModel(null)).toBe("unknown");
    expect(rdsLicenceModel(undefined)).toBe("unknown");
    expect(rdsLicenceModel("")).toBe("unknown");
    expect(rdsLicenceModel("some-future-license")).toBe("unknown");
  });
});
