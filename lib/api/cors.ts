import type { NextRequest } from "next/server";
import { outletAllowsOrigin } from "@/lib/server/outlets";
import type { PathParams, RouteContract } from "./contract";
import { isCrossSite } from "./same-origin";

// CORS for the public routes the embed calls from an outlet's own pages (contracts with
// `cors: "outlet"`), decided here and nowhere else: apiRoute applies it to every answer of such
// a route, and `corsPreflight` answers its OPTIONS. Only an origin on the outlet's allow-list
// gets Access-Control-Allow-Origin (echoed, never "*"); credentials are never allowed, so a
// browser sends no cookies and the caller is always an anonymous reader. See ADR 012.

/** Which outlets a request speaks for (the article's outlet, or those it looks up in). */
export type CorsOutletResolver<C extends RouteContract> = (input: {
  params: PathParams<C["path"]>;
  searchParams: URLSearchParams;
}) => Promise<string[]>;

export interface CorsDecision {
  /** A browser on another site sent it (same-site pages and non-browser clients are not). */
  crossSite: boolean;
  /** crossSite and the origin is on the outlet's list. */
  allowed: boolean;
  headers: Record<string, string>;
}

export async function decideCors<C extends RouteContract>(
  req: NextRequest,
  params: PathParams<C["path"]>,
  resolveOutlet: CorsOutletResolver<C>,
): Promise<CorsDecision> {
  // The answer depends on Origin, so caches must key on it whatever it is.
  const headers: Record<string, string> = { Vary: "Origin" };
  const origin = req.headers.get("origin");
  const crossSite = Boolean(origin) && isCrossSite((n) => req.headers.get(n));
  if (!crossSite || !origin) return { crossSite, allowed: false, headers };
  const outlets = await resolveOutlet({ params, searchParams: req.nextUrl.searchParams });
  const allowed = await outletAllowsOrigin(outlets, origin);
  if (allowed) {
    headers["Access-Control-Allow-Origin"] = origin;
    headers["Access-Control-Expose-Headers"] = "Retry-After, X-Request-Id";
  }
  return { crossSite, allowed, headers };
}

/** How long a browser may reuse a preflight answer (seconds). */
const PREFLIGHT_MAX_AGE = "600";

/** The OPTIONS handler of a CORS route: `export const OPTIONS = corsPreflight(POST)`. */
export function corsPreflight<C extends RouteContract>(handler: {
  contract: C;
  corsOutlet?: CorsOutletResolver<C>;
}) {
  return async (
    req: NextRequest,
    routeCtx: { params: Promise<PathParams<C["path"]>> },
  ): Promise<Response> => {
    const resolve = handler.corsOutlet;
    if (!resolve) throw new Error(`${handler.contract.path} has no CORS outlet resolver`);
    const params = await routeCtx.params;
    let decision: CorsDecision;
    try {
      decision = await decideCors(req, params, resolve);
    } catch {
      // An unresolvable target (e.g. a malformed id) is simply not allowed.
      decision = { crossSite: true, allowed: false, headers: { Vary: "Origin" } };
    }
    const headers = { ...decision.headers, "Cache-Control": "no-store" };
    if (decision.allowed) {
      Object.assign(headers, {
        "Access-Control-Allow-Methods": `${handler.contract.method}, OPTIONS`,
        "Access-Control-Allow-Headers": "Content-Type",
        "Access-Control-Max-Age": PREFLIGHT_MAX_AGE,
      });
    }
    return new Response(null, { status: 204, headers });
  };
}
