// Regions an account must enable before use (launched after March 2019). DescribeRegions is
// the authority; this list only lets errors be read correctly when DescribeRegions itself is
// not allowed: EC2 answers AuthFailure (and query services InvalidClientTokenId) in a region
// the account has not enabled, which otherwise looks exactly like a bad access key.
const OPT_IN_REGIONS = new Set([
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-south-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-6",
  "ap-southeast-7",
  "ca-west-1",
  "eu-central-2",
  "eu-south-1",
  "eu-south-2",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1",
]);

export function isOptInRegion(region: string): boolean {
  return OPT_IN_REGIONS.has(region);
}
