import type { NextRequest } from "next/server";
import { z } from "zod";
import { errorResponse, newRequestId, parseWith } from "@/lib/api/respond";
import { siteOrigin } from "@/lib/env";
import { correctionsAtom } from "@/lib/formats/corrections-atom";
import { listPublishedCorrections } from "@/lib/server/corrections-feed";

// GET /feeds/corrections.atom[?outlet=]: the published corrections as Atom (issue 17 item 7).
// Public, like /read: only published text. Not under /api/v1 because feed readers expect a
// stable file-like URL and XML, not the API's JSON contract.
export const dynamic = "force-dynamic";

const querySchema = z.object({
  outlet: z.string().trim().min(1).max(200).optional(),
});

export async function GET(req: NextRequest) {
  const requestId = newRequestId(req.headers.get("x-request-id"));
  try {
    const { outlet } = parseWith(
      querySchema,
      { outlet: req.nextUrl.searchParams.get("outlet") ?? undefined },
      "query",
    );
    const corrections = await listPublishedCorrections({ outlet: outlet ?? null });
    const xml = correctionsAtom({
      origin: siteOrigin(req.nextUrl.origin),
      outlet: outlet ?? null,
      corrections,
    });
    return new Response(xml, {
      headers: {
        "content-type": "application/atom+xml; charset=utf-8",
        // Feed readers poll; five minutes of staleness is fine for corrections.
        "cache-control": "public, max-age=300, stale-while-revalidate=60",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (err) {
    return errorResponse(err, requestId);
  }
}
