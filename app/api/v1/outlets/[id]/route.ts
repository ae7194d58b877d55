import { apiRoute } from "@/lib/api/handler";
import { updateOutlet as update } from "@/lib/api/routes/outlets";
import { updateOutlet } from "@/lib/server/outlets";

export const PATCH = apiRoute(update, async ({ params, body, user, requestId }) =>
  updateOutlet(params.id, body, user(), requestId),
);
