// IAM helpers: required parameters, IsTruncated/Marker paging honouring MaxItems, and the
// RFC 3986 URL-encoding IAM applies to policy documents.
import { rfc3986 } from "../../auth/sigv4";
import { ApiError } from "../../protocols/errors";
import { intParam, type Params } from "../../protocols/params";
import { leaf } from "../../protocols/xml";
import type { PolicyDocument } from "../../world/types";
import { decodeToken, fingerprint, pageOf } from "../paging";

export function required(params: Params, name: string): string {
  const v = params.get(name);
  if (v === undefined || v === "") {
    const member = name[0].toLowerCase() + name.slice(1);
    throw new ApiError(
      "ValidationError",
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
      400,
    );
  }
  return v;
}

/** A page of `items` and the trailing `<IsTruncated>`/`<Marker>` elements. */
export function iamPage<T>(
  params: Params,
  items: T[],
  worldMax: number | undefined,
  ...key: unknown[]
): { items: T[]; tail: string } {
  const maxItems = intParam(params, "MaxItems");
  if (maxItems !== undefined && (Number.isNaN(maxItems) || maxItems < 1 || maxItems > 1000)) {
    throw new ApiError(
      "ValidationError",
      `1 validation error detected: Value '${params.get("MaxItems")}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`,
      400,
    );
  }
  const fp = fingerprint(...key);
  const offset = decodeToken(params.get("Marker"), fp);
  if (offset === undefined) throw new ApiError("ValidationError", "Invalid Marker.", 400);
  const size = Math.min(maxItems ?? 100, worldMax ?? Infinity);
  const page = pageOf(items, offset, size, fp);
  return {
    items: page.items,
    tail: leaf("IsTruncated", page.nextToken !== undefined) + leaf("Marker", page.nextToken),
  };
}

export function encodeDocument(doc: PolicyDocument): string {
  return rfc3986(JSON.stringify(doc));
}

export function noSuchUser(name: string): ApiError {
  return new ApiError("NoSuchEntity", `The user with name ${name} cannot be found.`, 404);
}
