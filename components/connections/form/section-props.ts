import type { UseFormReturn } from "react-hook-form";
import type { FieldErrors } from "@/lib/errors";
import type { ConnectionFormValues } from "./form-values";

export type SectionProps = { form: UseFormReturn<ConnectionFormValues>; errors: FieldErrors };

// Server field errors are keyed by path ("roleArns.2", "roleChain.0.roleArn"): show the first
// one for a field or anything inside it.
export function errorFor(errors: FieldErrors, name: string): string | undefined {
  const key = Object.keys(errors).find((path) => path === name || path.startsWith(`${name}.`));
  return key ? errors[key][0] : undefined;
}
