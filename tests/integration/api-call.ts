import { NextRequest } from "next/server";

// Calls an App Router route handler directly, authenticated with a Bearer token
// (the token path needs no Next.js request scope, unlike cookie sessions).
type Handler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;

export async function callRoute<P>(
  handler: Handler<P>,
  opts: { url: string; params: P; token?: string; method?: string; body?: unknown },
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const req = new NextRequest(new URL(opts.url, "http://localhost:3000"), {
    method: opts.method ?? "GET",
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  return handler(req, { params: Promise.resolve(opts.params) });
}
