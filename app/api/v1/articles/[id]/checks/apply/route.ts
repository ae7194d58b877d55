import { apiRoute } from "@/lib/api/handler";
import { applyWarningFix as contract } from "@/lib/api/routes/intel";
import { applyWarningFix } from "@/lib/server/warning-fixes";

export const POST = apiRoute(contract, async ({ params, body, user, requestId }) =>
  applyWarningFix(params.id, body, user(), requestId),
);
