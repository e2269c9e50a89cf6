import { isExpectedError, ValidationError } from "../errors";
import { logUnexpected } from "../log";

// A streamed application/x-ndjson response: the producer sends objects as they happen, and
// a failure becomes a final { error } line instead of a broken stream.
export function ndjsonStream(produce: (send: (value: unknown) => void) => Promise<void>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        await produce(send);
      } catch (error) {
        if (isExpectedError(error)) {
          send({
            error: {
              message: error.message,
              fieldErrors: error instanceof ValidationError ? error.fieldErrors : undefined,
            },
          });
        } else {
          send({ error: { message: `Something went wrong (reference ${logUnexpected(error)})` } });
        }
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
    },
  });
}
