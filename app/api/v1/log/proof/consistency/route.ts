import { apiRoute } from "@/lib/api/handler";
import { getLogConsistency } from "@/lib/api/routes/log";
import { consistencyProof } from "@/lib/server/audit-tree";

export const GET = apiRoute(getLogConsistency, async ({ query }) => {
  const path = await consistencyProof(query.first, query.second);
  return { first: query.first, second: query.second, path: path.map((h) => h.toString("hex")) };
});
