import { apiRoute } from "@/lib/api/handler";
import { getLogInclusion } from "@/lib/api/routes/log";
import { requirePermission } from "@/lib/auth/policy";
import { isPublicLeaf, leafBytes } from "@/lib/audit/leaf";
import { inclusionProof } from "@/lib/server/audit-tree";

// Public for publication events only (their leaves hold public data, checked by isPublicLeaf
// on the stored event itself); every other leaf needs read:audit.
export const GET = apiRoute(getLogInclusion, async ({ query, actor }) => {
  const { event, path } = await inclusionProof(query.index, query.treeSize);
  if (!isPublicLeaf(event)) requirePermission(actor, "read:audit");
  return {
    index: query.index,
    treeSize: query.treeSize,
    leaf: leafBytes(event).toString("base64"),
    path: path.map((h) => h.toString("hex")),
  };
});
