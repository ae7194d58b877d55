import type { NextRequest } from "next/server";
import { errorResponse, newRequestId, parseWith } from "@/lib/api/respond";
import { lookupQuerySchema } from "@/lib/api/routes/embed";
import { notFound } from "@/lib/errors";
import { embedKeyFrom, feedbackPathFor } from "@/lib/server/embed";

// The no-JavaScript link of the embed (issue 17): a publisher knows its own outlet and external
// id (or the page URL), not Galley's slug. /read?outlet=…&externalId=… (or ?url=…) sends the
// reader to /read/<slug>#feedback, where the form opens without JavaScript. A malformed key is a
// 400 naming the problem; anything that is not a published article is the same plain 404.
export async function GET(req: NextRequest) {
  const requestId = newRequestId(req.headers.get("x-request-id"));
  try {
    const query = parseWith(
      lookupQuerySchema,
      Object.fromEntries(req.nextUrl.searchParams),
      "query",
    );
    const path = await feedbackPathFor(embedKeyFrom(query));
    if (!path) throw notFound("Published article");
    // Relative Location: the reader stays on the host they came to (no NEXTAUTH_URL needed).
    return new Response(null, {
      status: 303,
      headers: { location: path, "cache-control": "no-store" },
    });
  } catch (err) {
    return errorResponse(err, requestId);
  }
}
