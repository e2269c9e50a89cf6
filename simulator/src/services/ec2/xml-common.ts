// XML fragments shared by the EC2 responses.
import { leaf, list, node } from "../../protocols/xml";
import type { Tag } from "../../world/types";

export function tagSet(tags: Tag[] | undefined): string {
  if (!tags || tags.length === 0) return "";
  return list("tagSet", "item", tags, (t) => leaf("key", t.Key) + leaf("value", t.Value));
}

export { leaf, list, node };
