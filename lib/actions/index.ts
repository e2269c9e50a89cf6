import { isExpectedError, ValidationError, type FieldErrors } from "../errors";
import { logUnexpected } from "../log";

export type ActionResult<T = null> =
  { data: T; error?: never; fieldErrors?: never } | { data?: never; error: string; fieldErrors?: FieldErrors };

// Runs an action's body: expected errors become a message (and field errors) for the form;
// anything else is logged with a reference and reported generically.
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { data: await body() };
  } catch (error) {
    if (error instanceof ValidationError) return { error: error.message, fieldErrors: error.fieldErrors };
    if (isExpectedError(error)) return { error: error.message };
    return { error: `Something went wrong (reference ${logUnexpected(error)})` };
  }
}
