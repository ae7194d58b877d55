import type { NextRequest } from "next/server";
import { lookupQuerySchema } from "@/lib/api/routes/embed";
import { embedKeyFrom, feedbackPathFor } from "@/lib/server/embed";

// The no-JavaScript link of the embed (issue 17): a publisher knows its own outlet and external
// id (or the page URL), not Galley's slug. /read?outlet=…&externalId=… (or ?url=…) sends the
// reader to /read/<slug>#feedback, where the form opens without JavaScript. Anything that is
// not a published article is the same plain 404.
export async function GET(req: NextRequest) {
  const parsed = lookupQuerySchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  const path = parsed.success ? await feedbackPathFor(embedKeyFrom(parsed.data)) : null;
  if (!path) {
    return new Response("No published article under that key.\n", {
      status: parsed.success ? 404 : 400,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  // Relative Location: the reader stays on the host they came to (no NEXTAUTH_URL needed).
  return new Response(null, {
    status: 303,
    headers: { location: path, "cache-control": "no-store" },
  });
}
