// The Content-Security-Policy of every response, built per request by proxy.ts. Scripts run only
// when they carry this request's random nonce (Next puts it on its own bootstrap and chunk
// scripts) or were loaded by such a script ('strict-dynamic'): an injected <script> or inline
// event handler does not run, even if some text escaped React's escaping. Styles keep
// 'unsafe-inline' (style attributes of UI components); everything else is this origin only.

// 128 random bits, base64: unguessable and never reused.
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // React uses eval in development only, to rebuild server error stacks in the browser.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}
