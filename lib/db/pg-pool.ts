import pg from "pg";

// @prisma/adapter-pg 6.19 cannot deserialize PostgreSQL's `name` (OID 19) and `"char"` (OID 18)
// column types, which the migration engine's catalogue queries return (prisma/orm#27403, fixed
// only in 7.x). Report them as `text` (OID 25); both are plain strings on the wire.
const RETYPED_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

function retype<T>(result: T): T {
  const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
  fields?.forEach((field) => {
    if (RETYPED_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  });
  return result;
}

class RetypingClient extends pg.Client {
  // pg.Pool calls query with a callback; the adapter awaits the promise form. Cover both.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      args[args.length - 1] = (err: Error, res: any) => last(err, err ? res : retype(res));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (super.query as any)(...args);
    return out && typeof out.then === "function" ? out.then(retype) : out;
  }
}

export function createPgPool(connectionString: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString, max, Client: RetypingClient as unknown as typeof pg.Client });
}
