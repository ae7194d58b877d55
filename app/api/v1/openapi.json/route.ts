import { apiRoute } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";

// Public, like any API description: it names endpoints and shapes, never data.
export const GET = apiRoute({ public: true }, async () => openApiDocument());
