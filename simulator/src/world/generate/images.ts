// AMIs for the generated instances. Public AMIs (Amazon, Red Hat) get the same ID in every
// account of a region, as real public images do; golden images are owned by the account.
import { IMAGE_OWNERS, type Profile } from "../catalog/profiles";
import { ids } from "../ids";
import { Prng } from "../prng";
import type { Ec2Image } from "../types";
import type { RegionContext } from "./context";

export function imageFor(ctx: RegionContext, profile: Profile): Ec2Image {
  const own = profile.imageOwner === "self";
  const r = own
    ? Prng.of(ctx.seed, ctx.accountId, ctx.region, "ami", profile.key)
    : Prng.of(ctx.seed, ctx.region, "ami", profile.key);
  const imageId = ids.image(r);
  const existing = ctx.images.get(imageId);
  if (existing) return existing;
  const owner = own ? { ownerId: ctx.accountId, alias: undefined } : IMAGE_OWNERS[profile.imageOwner as "amazon"];
  const image: Ec2Image = {
    ImageId: imageId,
    Name: profile.imageName,
    Description: own
      ? `${profile.platformDetails} golden image built by the platform team`
      : `${profile.platformDetails} provided by ${owner.alias ?? "Red Hat"}`,
    OwnerId: owner.ownerId,
    ...(owner.alias ? { ImageOwnerAlias: owner.alias } : {}),
    State: "available",
    Public: !own,
    ...(profile.platform ? { Platform: profile.platform } : {}),
    PlatformDetails: profile.platformDetails,
    UsageOperation: profile.usageOperation,
    Architecture: profile.architecture,
    CreationDate: new Date(Date.UTC(2024, 8 + r.int(0, 2), r.int(1, 28), 10, 0, 0)).toISOString(),
    ImageType: "machine",
    RootDeviceType: "ebs",
    VirtualizationType: "hvm",
  };
  ctx.images.set(imageId, image);
  return image;
}
