"use client";

import { ConnectionTestPanel } from "./connection-test-panel";

export function SavedConnectionTest({ connectionId, needsMfa }: { connectionId: string; needsMfa: boolean }) {
  return <ConnectionTestPanel request={() => ({ connectionId })} needsMfa={needsMfa} />;
}
