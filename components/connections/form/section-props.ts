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

// Every message for a list field, in entry order, one per line: a list with three bad entries
// shows three messages, each naming its entry.
export function errorLinesFor(errors: FieldErrors, name: string): string | undefined {
  const index = (path: string) => Number(path.slice(name.length + 1).split(".")[0]) || 0;
  const paths = Object.keys(errors)
    .filter((path) => path === name || path.startsWith(`${name}.`))
    .sort((a, b) => index(a) - index(b));
  return paths.length ? paths.flatMap((path) => errors[path]).join("\n") : undefined;
}
