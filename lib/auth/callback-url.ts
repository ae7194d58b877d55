// Where to send a user after sign-in (or sign-out): only a path on this site.
// Resolving against a placeholder origin lets the WHATWG URL parser apply every
// browser quirk (backslashes, tabs and newlines, "//host", "/\host") exactly as
// the browser will, instead of guessing at them with string checks.
const PLACEHOLDER = "http://galley.invalid";

export function safeCallbackPath(raw: unknown, fallback = "/articles"): string {
  if (typeof raw !== "string" || raw === "" || raw.length > 2048) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER) return fallback;
  const path = url.pathname + url.search + url.hash;
  // "/.//evil.example" normalises to "//evil.example", which a browser reads as another host.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
