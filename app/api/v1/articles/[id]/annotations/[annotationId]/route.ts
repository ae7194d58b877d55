import { apiRoute } from "@/lib/api/handler";
import { updateAnnotationSchema } from "@/lib/api/schemas/quality";
import { resolveAnnotation, updateAnnotation } from "@/lib/server/annotations";

// Edit (author only: category, severity, note) and/or settle (status: author or approver).
export const PATCH = apiRoute<{ id: string; annotationId: string }, typeof updateAnnotationSchema>(
  { permission: "annotate:revision", body: updateAnnotationSchema },
  async ({ params, body, user, requestId }) => {
    const { status, ...edit } = body;
    let result;
    if (Object.values(edit).some((v) => v !== undefined)) {
      result = await updateAnnotation(params.id, params.annotationId, edit, user(), requestId);
    }
    if (status) {
      result = await resolveAnnotation(params.id, params.annotationId, status, user(), requestId);
    }
    return result;
  },
);
