// EC2 DescribeImages: ImageId.N, Owner.N (self | amazon | account IDs), Filter.N, paging.
import { ApiError } from "../../protocols/errors";
import { ec2Filters, indexedList, intParam } from "../../protocols/params";
import type { Ec2Image } from "../../world/types";
import type { CallContext } from "../context";
import { decodeToken, fingerprint, pageOf, pageSize } from "../paging";
import { applyFilters, checkMaxResults, type FilterValues, invalidToken, tagValues } from "./filters";
import { storeFor } from "./caller-store";
import { leaf, list, tagSet } from "./xml-common";

const imageFilterValues: FilterValues<Ec2Image> = (i, name) => {
  switch (name) {
    case "image-id":
      return [i.ImageId];
    case "name":
      return [i.Name];
    case "owner-id":
      return [i.OwnerId];
    case "owner-alias":
      return [i.ImageOwnerAlias];
    case "platform":
      return [i.Platform];
    case "platform-details":
      return [i.PlatformDetails];
    case "usage-operation":
      return [i.UsageOperation];
    case "state":
      return [i.State];
    case "is-public":
      return [String(i.Public)];
    case "architecture":
      return [i.Architecture];
    case "image-type":
      return [i.ImageType];
    default:
      return tagValues(i.Tags, name);
  }
};

export function describeImages(ctx: CallContext): string {
  ctx.authorize("ec2:DescribeImages", "*");
  const ids = indexedList(ctx.params, "ImageId");
  const owners = indexedList(ctx.params, "Owner");
  const maxResults = intParam(ctx.params, "MaxResults");
  if (ids.length > 0 && maxResults !== undefined)
    throw new ApiError(
      "InvalidParameterCombination",
      "The parameter ImageIds cannot be used with the parameter maxResults",
      400,
    );
  checkMaxResults(maxResults, 5, 1000);
  for (const id of ids)
    if (!/^ami-[0-9a-f]{8,17}$/.test(id))
      throw new ApiError("InvalidAMIID.Malformed", `Invalid id: "${id}" (expecting "ami-...")`, 400);

  const all = storeFor(ctx)?.images ?? [];
  let items = ids.length > 0 ? all.filter((i) => ids.includes(i.ImageId)) : all;
  const missing = ids.filter((id) => !items.some((i) => i.ImageId === id));
  if (missing.length > 0)
    throw new ApiError("InvalidAMIID.NotFound", `The image id '[${missing.join(", ")}]' does not exist`, 400);
  const me = ctx.session.accountId;
  if (owners.length > 0)
    items = items.filter((i) =>
      owners.some((o) => (o === "self" ? i.OwnerId === me : o === i.ImageOwnerAlias || o === i.OwnerId)),
    );
  const filters = ec2Filters(ctx.params);
  items = applyFilters(items, filters, imageFilterValues, all[0]);

  const fp = fingerprint("DescribeImages", ids, owners, filters);
  const offset = decodeToken(ctx.params.get("NextToken"), fp);
  if (offset === undefined) throw invalidToken();
  const size = pageSize(maxResults, Math.max(items.length, 1), ctx.world.spec.limits?.maxPageSize);
  const page = pageOf(items, offset, size, fp);
  return list("imagesSet", "item", page.items, imageXml) + leaf("nextToken", page.nextToken);
}

function imageXml(i: Ec2Image): string {
  return (
    leaf("imageId", i.ImageId) +
    leaf("imageLocation", `${i.ImageOwnerAlias ?? i.OwnerId}/${i.Name}`) +
    leaf("imageState", i.State) +
    leaf("imageOwnerId", i.OwnerId) +
    leaf("creationDate", i.CreationDate) +
    leaf("isPublic", i.Public) +
    (i.ProductCodes?.length
      ? list(
          "productCodes",
          "item",
          i.ProductCodes,
          (p) => leaf("productCode", p.ProductCodeId) + leaf("type", p.ProductCodeType),
        )
      : "") +
    leaf("architecture", i.Architecture) +
    leaf("imageType", i.ImageType) +
    leaf("platform", i.Platform) +
    leaf("platformDetails", i.PlatformDetails) +
    leaf("usageOperation", i.UsageOperation) +
    leaf("imageOwnerAlias", i.ImageOwnerAlias) +
    leaf("name", i.Name) +
    leaf("description", i.Description) +
    leaf("rootDeviceType", i.RootDeviceType) +
    leaf("rootDeviceName", i.Platform === "windows" ? "/dev/sda1" : "/dev/xvda") +
    leaf("virtualizationType", i.VirtualizationType) +
    leaf("hypervisor", "xen") +
    leaf("enaSupport", true) +
    tagSet(i.Tags)
  );
}
