import { paginateDescribeDBInstances, RDSClient } from "@aws-sdk/client-rds";
import { mapDbInstance } from "./map";
import type { FetchedPage } from "../rows";
import { attemptsOf, pageSizeFor, sendOptions, type ScopeFetchContext } from "../collect/fetch-context";

// DescribeDBInstances pages with Marker; MaxRecords accepts 20-100.
export async function* fetchDbInstances(ctx: ScopeFetchContext): AsyncGenerator<FetchedPage<"rds-db-instance">> {
  const client = ctx.session.client(RDSClient, { accountId: ctx.accountId, region: ctx.region });
  const pages = paginateDescribeDBInstances(
    { client, stopOnSameToken: true },
    { MaxRecords: pageSizeFor("describeDBInstances", ctx.pageSize) },
    sendOptions(ctx.signal),
  );
  for await (const page of pages)
    yield { rows: (page.DBInstances ?? []).map(mapDbInstance), requests: attemptsOf(page) };
}
