import { DescribeReservedInstancesCommand, EC2Client } from "@aws-sdk/client-ec2";
import { attemptsOf, sendOptions, type ScopeFetchContext } from "../collect/fetch-context";
import type { FetchedPage } from "../rows";
import { mapReservedInstance } from "./map";

// DescribeReservedInstances is not paginated: one call lists every reservation of the region,
// retired ones included (an account holds few). AWS Config does not record reservations, so
// the Config adapter reads them here too.
export async function* fetchReservedInstances(
  ctx: ScopeFetchContext,
): AsyncGenerator<FetchedPage<"reserved-instance">> {
  const client = ctx.session.client(EC2Client, { accountId: ctx.accountId, region: ctx.region });
  const out = await client.send(new DescribeReservedInstancesCommand({}), sendOptions(ctx.signal));
  yield { rows: (out.ReservedInstances ?? []).map(mapReservedInstance), requests: attemptsOf(out) };
}
