import { apiRoute } from "@/lib/api/handler";
import { createAnnotation as create, listAnnotations as list } from "@/lib/api/routes/quality";
import { createAnnotation, listAnnotations } from "@/lib/server/annotations";

// MQM error annotations on an article (anchoring and who may do what: lib/server/annotations.ts).
export const GET = apiRoute(list, async ({ params }) => ({
  items: await listAnnotations(params.id),
}));

export const POST = apiRoute(create, async ({ params, body, user, requestId, reply }) =>
  reply(201, await createAnnotation({ ...body, articleId: params.id }, user(), requestId)),
);
