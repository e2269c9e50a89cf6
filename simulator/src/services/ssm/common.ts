// What the three SSM operations share: the caller's managed nodes, AWS's MaxResults validation
// and NextToken paging with SSM's own error codes.
import { ApiError } from "../../protocols/errors";
import type { Ec2Instance } from "../../world/types";
import type { CallContext } from "../context";
import { decodeToken, fingerprint, pageOf, pageSize } from "../paging";

/** Instances of the caller's account and region that run (or ran) the SSM Agent. */
export function agentInstances(ctx: CallContext): Ec2Instance[] {
  return (ctx.world.region(ctx.session.accountId, ctx.region)?.instances ?? []).filter((i) => i.Ssm);
}

export function validationError(message: string): ApiError {
  return new ApiError("ValidationException", `1 validation error detected: ${message}`, 400);
}

/** MaxResults within AWS's documented range; the model's constraint fails as a ValidationException. */
export function maxResultsOf(ctx: CallContext, min: number, max: number): number | undefined {
  const v = ctx.input.MaxResults;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v))
    throw new ApiError("SerializationException", "MaxResults must be an integer.", 400);
  if (v < min)
    throw validationError(
      `Value '${v}' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to ${min}`,
    );
  if (v > max)
    throw validationError(
      `Value '${v}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
    );
  return v;
}

/** One page of `items`; a token from another query or a forged one is InvalidNextToken. */
export function ssmPage<T>(ctx: CallContext, items: T[], requested: number | undefined, ...key: unknown[]) {
  const fp = fingerprint(...key);
  const offset = decodeToken(ctx.input.NextToken as string | undefined, fp);
  if (offset === undefined) throw new ApiError("InvalidNextToken", "The specified token isn't valid.", 400);
  return pageOf(items, offset, pageSize(requested, 50, ctx.world.spec.limits?.maxPageSize), fp);
}

export function nowMs(ctx: CallContext): number {
  return ctx.clock.now();
}
