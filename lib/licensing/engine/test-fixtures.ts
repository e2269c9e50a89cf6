// Builders for the engine's unit tests: recognised products and instances without the noise.
import { PRODUCT_NAMES, type ProductId } from "../products";
import type { Match } from "../recognition";
import type { Ec2InstanceInput } from "./types";

export const match = (product: ProductId, edition: string | null, free = false): Match => ({
  product,
  productName: PRODUCT_NAMES[product],
  edition,
  free,
  version: null,
  evidence: [{ ruleId: `test-${product}`, source: "AWS:Application", text: `test evidence for ${product}` }],
});

export const ec2 = (fields: Partial<Ec2InstanceInput> & { vcpus: number | null }): Ec2InstanceInput => ({
  id: "i-1",
  usageOperation: "RunInstances",
  products: [],
  ...fields,
});
