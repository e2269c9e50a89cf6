// Stands in for the "server-only" marker package outside Next's server bundles (tests, CLI):
// the marker only guards against client bundling, which does not apply there.
export {};
