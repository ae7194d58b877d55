import { apiRoute } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";
import { getOpenApi } from "@/lib/api/routes/meta";

// Public, like any API description: it names endpoints and shapes, never data.
export const GET = apiRoute(getOpenApi, async () => openApiDocument());
