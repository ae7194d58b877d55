import { apiRoute } from "@/lib/api/handler";
import { verifyAudit } from "@/lib/api/routes/audit";
import { verifyAuditChain } from "@/lib/server/audit";

// Walks the whole hash chain; names the first event that does not verify.
export const GET = apiRoute(verifyAudit, async () => verifyAuditChain());
