import { apiRoute } from "@/lib/api/handler";
import { getLogSth } from "@/lib/api/routes/log";
import { notFound } from "@/lib/errors";
import { latestTreeHead, treeHeadAt } from "@/lib/server/audit-tree";

export const GET = apiRoute(getLogSth, async ({ query }) => {
  if (query.treeSize !== undefined) return treeHeadAt(query.treeSize);
  const head = await latestTreeHead();
  if (!head) throw notFound("A signed tree head (the log has not been sealed yet)");
  return head;
});
