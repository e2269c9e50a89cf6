/** A mutation the control API refuses: answered with `status` and the message. */
export class MutationError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}
