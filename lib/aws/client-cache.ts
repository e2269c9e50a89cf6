// SDK clients of one session, one per class and scope (account + region). Keyed by the class
// object itself: class names do not survive minification.
export class ClientCache {
  private readonly byClass = new WeakMap<object, Map<string, unknown>>();

  get<C>(ClientClass: object, key: string, create: () => C): C {
    let byKey = this.byClass.get(ClientClass);
    if (!byKey) this.byClass.set(ClientClass, (byKey = new Map()));
    let client = byKey.get(key) as C | undefined;
    if (!client) byKey.set(key, (client = create()));
    return client;
  }
}
