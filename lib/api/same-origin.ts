/**
 * True when a browser says the request comes from another site: its Origin's
 * host differs from the host it was sent to, or (without Origin) Sec-Fetch-Site
 * names another site. Requests that carry neither (curl, tokens) are not
 * cross-site by this test. Shared by apiRoute (cookie-authenticated writes) and
 * proxy.ts (server actions), so both draw the line in the same place.
 */
export function isCrossSite(get: (name: string) => string | null): boolean {
  const origin = get("origin");
  const host = get("x-forwarded-host") ?? get("host");
  if (origin) {
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  const site = get("sec-fetch-site");
  return Boolean(site && site !== "same-origin" && site !== "none");
}
