import { apiRoute } from "@/lib/api/handler";
import { diffRevisions } from "@/lib/api/routes/history";
import { compareRevisions } from "@/lib/server/history";

// Word diff between two revisions. Joining the values of the non-removed changes
// of a segment gives its text at `to`; the non-added ones give its text at `from`.
export const GET = apiRoute(diffRevisions, async ({ params, query }) => {
  const cmp = await compareRevisions(params.id, query.from, query.to);
  const segments = cmp.segments
    .filter((s) => query.unchanged === "include" || s.fromText !== s.toText)
    .map((s) => ({ index: s.index, changes: s.changes }));
  return { from: cmp.from, to: cmp.to, segments, stats: cmp.stats };
});
