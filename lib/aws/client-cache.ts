// SDK clients of one session, one per scope (account + region) and class. Keyed by the class
// object itself: class names do not survive minification.
export class ClientCache {
  private readonly byScope = new Map<string, Map<object, unknown>>();

  get<C>(ClientClass: object, key: string, create: () => C): C {
    let byClass = this.byScope.get(key);
    if (!byClass) this.byScope.set(key, (byClass = new Map()));
    let client = byClass.get(ClientClass) as C | undefined;
    if (!client) byClass.set(ClientClass, (client = create()));
    return client;
  }

  // Forgets a scope's clients once nothing more will be asked there. Not client.destroy(): the
  // clients share the session's HTTP handler, which destroy() would close for everyone.
  release(key: string): void {
    this.byScope.delete(key);
  }
}
