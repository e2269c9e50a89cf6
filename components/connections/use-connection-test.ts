"use client";

import { useCallback, useRef, useState } from "react";
import type { CheckEvent } from "@/lib/connections/probe";
import type { FieldErrors } from "@/lib/errors";

export type TestState = {
  running: boolean;
  events: CheckEvent[];
  outcome?: string;
  recorded?: boolean;
  error?: string;
  fieldErrors?: FieldErrors;
};

// Streams POST /api/connections/test (NDJSON) into a checklist that fills in as checks finish.
// A later event with the same id replaces the earlier ("running" → final status).
export function useConnectionTest() {
  const [state, setState] = useState<TestState>({ running: false, events: [] });
  const abortRef = useRef<AbortController | null>(null);

  const run = useCallback(async (body: { connectionId?: string; input?: unknown; mfaCode?: string }) => {
    abortRef.current?.abort();
    const abort = new AbortController();
    abortRef.current = abort;
    setState({ running: true, events: [] });
    try {
      const response = await fetch("/api/connections/test", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      if (!response.ok || !response.body) {
        const problem = await response.json().catch(() => null);
        return setState({
          running: false,
          events: [],
          error: problem?.error?.message ?? `Test failed (HTTP ${response.status})`,
        });
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) apply(JSON.parse(line));
      }
      setState((current) => ({ ...current, running: false }));
    } catch (error) {
      if (!abort.signal.aborted)
        setState((current) => ({ ...current, running: false, error: "The test could not reach Cirrus." }));
      void error;
    }

    function apply(message: {
      event?: CheckEvent;
      done?: { outcome: string; recorded: boolean };
      error?: { message: string; fieldErrors?: FieldErrors };
    }) {
      setState((current) => {
        if (message.event) {
          const index = current.events.findIndex((event) => event.id === message.event!.id);
          const events =
            index < 0
              ? [...current.events, message.event]
              : current.events.map((event, i) => (i === index ? message.event! : event));
          return { ...current, events };
        }
        if (message.done) return { ...current, outcome: message.done.outcome, recorded: message.done.recorded };
        if (message.error) return { ...current, error: message.error.message, fieldErrors: message.error.fieldErrors };
        return current;
      });
    }
  }, []);

  return { state, run };
}
