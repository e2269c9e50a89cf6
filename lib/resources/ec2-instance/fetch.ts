import { EC2Client, type Instance, paginateDescribeInstances } from "@aws-sdk/client-ec2";
import { attemptsOf, pageSizeFor, sendOptions, type ScopeFetchContext } from "../collect/fetch-context";
import type { FetchedPage } from "../rows";
import { resolveImages } from "./images";
import { InstanceTypeCache } from "./instance-types";
import { builtInTypeFacts, hasCpuOptions, mapInstance, type ReservationInfo } from "./map";

// Pages are yielded as they arrive, so a scope's memory is one page plus the AMI cache. AWS may
// return an empty page that still carries a token: the paginator goes on until there is none.
export async function* fetchInstances(ctx: ScopeFetchContext): AsyncGenerator<FetchedPage<"ec2-instance">> {
  const client = ctx.session.client(EC2Client, { accountId: ctx.accountId, region: ctx.region });
  const pages = paginateDescribeInstances(
    { client, stopOnSameToken: true },
    { MaxResults: pageSizeFor("describeInstances", ctx.pageSize) },
    sendOptions(ctx.signal),
  );
  const instanceTypes = ctx.instanceTypes ?? new InstanceTypeCache();
  for await (const page of pages) {
    const listed: { instance: Instance; reservation: ReservationInfo }[] = [];
    for (const reservation of page.Reservations ?? []) {
      for (const instance of reservation.Instances ?? [])
        listed.push({
          instance,
          reservation: { ReservationId: reservation.ReservationId, OwnerId: reservation.OwnerId },
        });
    }
    // AMI details for the page's images, one DescribeImages per 200 uncached IDs.
    const imageRequests = await resolveImages(
      ctx,
      listed.flatMap(({ instance }) => (instance.ImageId ? [instance.ImageId] : [])),
    );
    // CPU defaults of the types, only when an instance lacks CpuOptions (one read per region per run).
    const types = listed.some(({ instance }) => !hasCpuOptions(instance))
      ? await instanceTypes.lookupFor(ctx)
      : { lookup: builtInTypeFacts, requests: 0 };
    const rows = listed.map(({ instance, reservation }) =>
      mapInstance(
        instance,
        reservation,
        instance.ImageId ? (ctx.images.get(ctx.accountId, ctx.region, instance.ImageId) ?? null) : null,
        types.lookup,
      ),
    );
    yield { rows, requests: attemptsOf(page) + imageRequests + types.requests };
  }
}
