import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { createAnnotationSchema } from "@/lib/api/schemas/quality";
import { createAnnotation, listAnnotations } from "@/lib/server/annotations";

// MQM error annotations on an article (anchoring and who may do what: lib/server/annotations.ts).
export const GET = apiRoute<{ id: string }>({ permission: "read:article" }, async ({ params }) => ({
  items: await listAnnotations(params.id),
}));

export const POST = apiRoute<{ id: string }, typeof createAnnotationSchema>(
  { permission: "annotate:revision", body: createAnnotationSchema },
  async ({ params, body, user, requestId }) =>
    json(await createAnnotation({ ...body, articleId: params.id }, user(), requestId), 201),
);
