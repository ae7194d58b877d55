import type { NextRequest } from "next/server";
import { embedScript } from "@/lib/server/embed-script";

// GET /embed.js: the script publishers put on their article pages (issue 17, ADR 012). The
// same bytes for a given Galley version; `?v=<version>` (as in the snippet on the outlet
// admin page) names exactly those bytes, so that URL is cached for a year. Public and
// credential-free: `Access-Control-Allow-Origin: *` lets `integrity` + `crossorigin` (SRI)
// check it on any page.
export function GET(req: NextRequest) {
  const { body, integrity, version } = embedScript();
  const pinned = req.nextUrl.searchParams.get("v") === version;
  const etag = `"${version}"`;
  const headers = {
    "content-type": "text/javascript; charset=utf-8",
    "cache-control": pinned
      ? "public, max-age=31536000, immutable"
      : "public, max-age=3600, stale-while-revalidate=86400",
    etag,
    "access-control-allow-origin": "*",
    "cross-origin-resource-policy": "cross-origin",
    "x-galley-embed-integrity": integrity,
  };
  if (req.headers.get("if-none-match") === etag)
    return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}
