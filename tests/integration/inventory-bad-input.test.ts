// Hostile input on the inventory routes (issue 10, item 8): cursors a client built by hand
// rather than took from nextCursor, and page numbers beyond any table. Each is a 400 naming the
// field, never a 500 from the database driver; values inside the columns' ranges still page.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as uiItemRoute } from "@/app/api/inventory/[type]/[id]/route";
import { GET as uiListRoute } from "@/app/api/inventory/[type]/route";
import { GET as exportRoute } from "@/app/api/v1/[type]/export/route";
import { GET as listRoute } from "@/app/api/v1/[type]/route";
import { createApiToken } from "@/lib/api-tokens";

let token: string;

type Route = (request: Request, context: { params: Promise<{ type: string }> }) => Promise<Response>;
const call = (route: Route, path: string, type: string, search: Record<string, string>) =>
  route(
    new Request(`http://cirrus.test${path}/${type}?${new URLSearchParams(search)}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ type }) },
  );

// A cursor as encodeCursor writes one, with any value a client cares to put in it.
const cursor = (sort: string, order: string, v: unknown, r: unknown = "i-0", i: unknown = "row") =>
  Buffer.from(JSON.stringify({ s: sort, o: order, v, r, i }), "utf8").toString("base64url");

beforeAll(async () => {
  token = (await createApiToken({ name: `bad-input-${Math.random().toString(36).slice(2, 8)}`, role: "viewer" }, null))
    .token;
});

describe("GET /api/v1/{type}?cursor= with values out of the column's range", () => {
  const hostile: [string, string, string, unknown, unknown?, unknown?][] = [
    ["vcpus 1e300", "vcpus", "desc", 1e300],
    ["vcpus beyond a 32-bit integer", "vcpus", "asc", 2 ** 31],
    ["vcpus below a 32-bit integer", "vcpus", "asc", -(2 ** 31) - 1],
    ["vcpus 1.5", "vcpus", "asc", 1.5],
    ["launchTime in year -271821", "launchTime", "asc", "-271821-04-20T00:00:00.000Z"],
    ["launchTime in year 275760", "launchTime", "desc", "+275760-09-13T00:00:00.000Z"],
    ["launchTime in year 10000", "launchTime", "asc", "+010000-01-01T00:00:00.000Z"],
    ["a name with a NUL", "name", "asc", "a\u0000b"],
    ["a name with a lone surrogate", "name", "asc", "a\ud800b"],
    ["a resource id with a NUL", "instanceId", "asc", "i-1", "i-\u0000", "row"],
    ["a row id that is not a string", "instanceId", "asc", "i-1", "i-1", 7],
  ];
  for (const [hole, sort, order, v, r, i] of hostile) {
    it(`a cursor carrying ${hole} answers 400 naming cursor`, async () => {
      const response = await call(listRoute, "/api/v1", "instances", {
        sort,
        order,
        cursor: cursor(sort, order, v, r, i),
      });
      expect(response.status, await response.clone().text()).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("validation");
      expect(Object.keys(body.error.fieldErrors)).toEqual(["cursor"]);
    });
  }

  it("cursors at the edges of the ranges still answer 200", async () => {
    const edges: [string, string, unknown][] = [
      ["vcpus", "desc", 2 ** 31 - 1],
      ["vcpus", "asc", -(2 ** 31)],
      ["launchTime", "asc", "1970-01-01T00:00:00.000Z"],
      ["launchTime", "desc", "9999-12-31T23:59:59.999Z"],
      ["name", "asc", "é ⟨U+202E⟩ \u202e"],
    ];
    for (const [sort, order, v] of edges) {
      const response = await call(listRoute, "/api/v1", "instances", { sort, order, cursor: cursor(sort, order, v) });
      expect(response.status, `${sort} ${String(v)}: ${await response.clone().text()}`).toBe(200);
    }
  });
});

describe("GET /api/inventory/{type}?page= beyond any table", () => {
  it("a page of 1e400 or 99999999999999999999 answers 400 naming page", async () => {
    for (const page of ["1e400", "99999999999999999999", "-1", "2.5"]) {
      const response = await call(uiListRoute, "/api/inventory", "instances", { page });
      expect(response.status, page).toBe(400);
      expect(Object.keys((await response.json()).error.fieldErrors), page).toEqual(["page"]);
    }
    expect((await call(uiListRoute, "/api/inventory", "instances", { page: "1000000" })).status).toBe(200);
  });
});

describe("text filters and ids with NUL (PostgreSQL refuses NUL in text)", () => {
  it("a filter value with NUL answers 400 naming the filter, on the UI route, the API and the export", async () => {
    for (const [key, value] of [
      ["q", "web\u0000"],
      ["state", "running\u0000"],
      ["tag", "Name=\u0000"],
      ["account", "\u0000"],
    ]) {
      for (const [route, path] of [
        [uiListRoute, "/api/inventory"],
        [listRoute, "/api/v1"],
        [exportRoute, "/api/v1"],
      ] as const) {
        const response = await call(route, path, "instances", { [key]: value });
        expect(response.status, `${path} ${key}`).toBe(400);
        expect(Object.keys((await response.json()).error.fieldErrors), `${path} ${key}`).toEqual([key]);
      }
    }
  });

  it("an item id with NUL answers 404 like any unknown id", async () => {
    const request = new Request("http://cirrus.test/api/inventory/instances/x", {
      headers: { authorization: `Bearer ${token}` },
    });
    const response = await uiItemRoute(request, { params: Promise.resolve({ type: "instances", id: "i-\u0000" }) });
    expect(response.status).toBe(404);
  });
});
