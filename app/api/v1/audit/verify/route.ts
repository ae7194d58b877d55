import { apiRoute } from "@/lib/api/handler";
import { verifyAuditChain } from "@/lib/server/audit";

// Walks the whole hash chain; names the first event that does not verify.
export const GET = apiRoute({ permission: "read:audit" }, async () => verifyAuditChain());
