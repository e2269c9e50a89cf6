// Typed errors for expected failures. Actions and routes show their message to the user;
// anything else is logged with a reference and shown generically (see lib/http, lib/actions).
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly status: number = 500;
  readonly expected: boolean = true;
}

export class ValidationError extends AppError {
  override name = "ValidationError";
  override readonly status = 400;
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends AppError {
  override name = "UnauthenticatedError";
  override readonly status = 401;
  constructor(message = "Sign in to continue") {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  override name = "ForbiddenError";
  override readonly status = 403;
  constructor(message = "You do not have permission to do that") {
    super(message);
  }
}

export class NotFoundError extends AppError {
  override name = "NotFoundError";
  override readonly status = 404;
}

export class ConflictError extends AppError {
  override name = "ConflictError";
  override readonly status = 409;
}

export class RateLimitedError extends AppError {
  override name = "RateLimitedError";
  override readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export function isExpectedError(error: unknown): error is AppError {
  return error instanceof AppError && error.expected;
}
