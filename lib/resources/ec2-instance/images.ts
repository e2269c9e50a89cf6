import { type DescribeImagesCommandInput, EC2Client, type Image, paginateDescribeImages } from "@aws-sdk/client-ec2";
import type { ImageDetails } from "./map";
import type { InstanceRow } from "../rows";
import { attemptsOf, sendOptions, type ScopeFetchContext } from "../collect/fetch-context";

export type ImageLookupContext = Pick<ScopeFetchContext, "session" | "accountId" | "region" | "signal" | "images">;

/** Image IDs per DescribeImages call: small enough for a query string, large enough to be few. */
export const IMAGE_IDS_PER_CALL = 200;

// AWS answers ImageId.N with InvalidAMIID.NotFound for the whole call when one ID is gone (it
// names the missing IDs), so those are recorded as gone and the rest asked again.
const NOT_FOUND_CODES = new Set(["InvalidAMIID.NotFound", "InvalidAMIID.Unavailable", "InvalidAMIID.Malformed"]);

/** Looks up the AMIs the cache does not know yet. Returns the HTTP requests made. */
export async function resolveImages(ctx: ImageLookupContext, imageIds: Iterable<string>): Promise<number> {
  const missing = ctx.images.missing(ctx.accountId, ctx.region, imageIds);
  let requests = 0;
  for (let i = 0; i < missing.length; i += IMAGE_IDS_PER_CALL)
    requests += await describeBatch(ctx, missing.slice(i, i + IMAGE_IDS_PER_CALL));
  return requests;
}

/** Fills AMI name, owner and product codes of rows mapped without them (Config items). */
export async function fillImageDetails(
  ctx: ImageLookupContext,
  rows: InstanceRow[],
): Promise<{ rows: InstanceRow[]; requests: number }> {
  const requests = await resolveImages(
    ctx,
    rows.flatMap((r) => (r.imageId ? [r.imageId] : [])),
  );
  const filled = rows.map((row) => {
    const image = row.imageId ? ctx.images.get(ctx.accountId, ctx.region, row.imageId) : null;
    if (!image) return row;
    return {
      ...row,
      imageName: image.name,
      imageOwnerId: image.ownerId,
      imageProductCodes: [...new Set([...row.imageProductCodes, ...image.productCodes])].sort(),
    };
  });
  return { rows: filled, requests };
}

async function describeBatch(ctx: ImageLookupContext, batch: string[]): Promise<number> {
  const client = ctx.session.client(EC2Client, { accountId: ctx.accountId, region: ctx.region });
  let remaining = batch;
  let requests = 0;
  // Two rounds of dropping named IDs; after that (or when AWS names none) the image-id filter,
  // which simply leaves out what does not exist.
  for (let round = 0; round < 2 && remaining.length > 0; round++) {
    try {
      requests += await describe(client, ctx, { ImageIds: remaining });
      return requests;
    } catch (error) {
      if (!NOT_FOUND_CODES.has((error as Error).name)) throw error;
      requests += attemptsOf(error as { $metadata?: { attempts?: number } });
      const gone = new Set(
        ((error as Error).message.match(/ami-[0-9a-f]+/g) ?? []).filter((id) => remaining.includes(id)),
      );
      if (gone.size === 0) break;
      for (const id of gone) ctx.images.set(ctx.accountId, ctx.region, id, null);
      remaining = remaining.filter((id) => !gone.has(id));
    }
  }
  if (remaining.length === 0) return requests;
  return (
    requests +
    (await describe(client, ctx, { Filters: [{ Name: "image-id", Values: remaining }], IncludeDeprecated: true }))
  );
}

// AWS answers a call by ImageId.N in one response; a NextToken, should one come, is followed.
async function describe(
  client: EC2Client,
  ctx: ImageLookupContext,
  input: DescribeImagesCommandInput,
): Promise<number> {
  const asked = input.ImageIds ?? input.Filters?.[0]?.Values ?? [];
  const found: Image[] = [];
  let requests = 0;
  for await (const page of paginateDescribeImages({ client, stopOnSameToken: true }, input, sendOptions(ctx.signal))) {
    requests += attemptsOf(page);
    found.push(...(page.Images ?? []));
  }
  record(ctx, asked, found);
  return requests;
}

function record(ctx: ImageLookupContext, asked: string[], images: Image[] | undefined): void {
  const byId = new Map((images ?? []).map((image) => [image.ImageId, image]));
  for (const id of asked) {
    const image = byId.get(id);
    ctx.images.set(ctx.accountId, ctx.region, id, image && image.State !== "deregistered" ? details(image) : null);
  }
}

function details(image: Image): ImageDetails {
  return {
    name: image.Name || null,
    ownerId: image.OwnerId || null,
    productCodes: [
      ...new Set((image.ProductCodes ?? []).flatMap((p) => (p.ProductCodeId ? [p.ProductCodeId] : []))),
    ].sort(),
  };
}
