import { apiRoute } from "@/lib/api/handler";
import { updateAnnotation as contract } from "@/lib/api/routes/quality";
import { resolveAnnotation, updateAnnotation } from "@/lib/server/annotations";

// Edit (author only: category, severity, note) and/or settle (status: author or approver).
// The body schema guarantees at least one field, so without a status there is an edit.
export const PATCH = apiRoute(contract, async ({ params, body, user, requestId }) => {
  const { status, ...edit } = body;
  if (!status) return updateAnnotation(params.id, params.annotationId, edit, user(), requestId);
  if (Object.values(edit).some((v) => v !== undefined)) {
    await updateAnnotation(params.id, params.annotationId, edit, user(), requestId);
  }
  return resolveAnnotation(params.id, params.annotationId, status, user(), requestId);
});
