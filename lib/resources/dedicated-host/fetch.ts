import { EC2Client, paginateDescribeHosts } from "@aws-sdk/client-ec2";
import { attemptsOf, pageSizeFor, sendOptions, type ScopeFetchContext } from "../collect/fetch-context";
import type { FetchedPage } from "../rows";
import { mapHost } from "./map";

export async function* fetchHosts(ctx: ScopeFetchContext): AsyncGenerator<FetchedPage<"dedicated-host">> {
  const client = ctx.session.client(EC2Client, { accountId: ctx.accountId, region: ctx.region });
  const pages = paginateDescribeHosts(
    { client, stopOnSameToken: true },
    { MaxResults: pageSizeFor("describeHosts", ctx.pageSize) },
    sendOptions(ctx.signal),
  );
  for await (const page of pages) yield { rows: (page.Hosts ?? []).map(mapHost), requests: attemptsOf(page) };
}
