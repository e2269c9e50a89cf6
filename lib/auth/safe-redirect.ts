// Where to send the browser after sign-in: a path on our own origin, or "/". Shared by the
// sign-in page, the sign-in form and next-auth's redirect callback (lib/auth/options.ts).
// Checking the string ("starts with /, not //") is not enough: browsers and the URL parser
// read "/\evil.example" and "/<TAB>/evil.example" as "//evil.example", another host. So the
// target is parsed against our origin exactly as a browser would, and only the path, query
// and fragment of a same-origin result are kept. Pure: no next/* so the client can use it.
export function safeRedirectPath(target: unknown, origin: string): string {
  if (typeof target !== "string" || target === "") return "/";
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin || (url.protocol !== "http:" && url.protocol !== "https:")) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" parses to the path "//evil.example": same origin here, but a browser
  // given that path alone would read it as a host again.
  if (path.startsWith("//") || path.startsWith("/\\")) return "/";
  return path;
}
