import { NextResponse, type NextRequest } from "next/server";
import { badPathReason } from "@/lib/api/hostile-input";
import { isCrossSite } from "@/lib/api/same-origin";

// Per-request CSP nonce (Next.js 16 "proxy", formerly middleware). Next reads the
// nonce from the request-side policy and stamps it on its own scripts, so the
// policy needs neither 'unsafe-inline' nor 'unsafe-eval' for scripts in production.
export function proxy(request: NextRequest) {
  // A path that is not valid percent-encoded UTF-8, or holds NUL, cannot name anything:
  // answer 400 here rather than let route matching or the database fail with a 500.
  const badPath = badPathReason(rawPathname(request.url));
  if (badPath) {
    return NextResponse.json(
      { error: "bad_request", message: badPath },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  }
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  // A server action posted from another site: Next.js would refuse it with a 500;
  // answer what it is, a 403, before any page code runs.
  if (
    request.method === "POST" &&
    request.headers.has("next-action") &&
    isCrossSite((n) => request.headers.get(n))
  ) {
    return NextResponse.json(
      { error: "forbidden", message: "Cross-site request refused" },
      { status: 403, headers: { "cache-control": "no-store" } },
    );
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (React style props, chart libraries); scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/** The path exactly as sent (still percent-encoded): everything before "?" or "#". */
function rawPathname(url: string): string {
  const afterHost = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  return afterHost.split(/[?#]/, 1)[0] ?? "/";
}

export const config = {
  matcher: [
    // API routes only for the path check above (their CSP comes from next.config.js headers).
    "/api/:path*",
    // Every server action post, even one dressed as a prefetch (the cross-site check above).
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      has: [{ type: "header", key: "next-action" }],
    },
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
