import { apiRoute } from "@/lib/api/handler";
import { verifyAudit } from "@/lib/api/routes/audit";
import { verifyAuditLog } from "@/lib/server/audit-verify";

// Recomputes the whole Merkle tree; names the first thing that does not verify.
export const GET = apiRoute(verifyAudit, async () => verifyAuditLog());
