import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import {
  XLIFF_CONTENT_TYPES,
  XLIFF_MAX_BYTES,
  xliffImportQuerySchema,
} from "@/lib/api/schemas/interchange";
import { importXliff } from "@/lib/server/xliff-import";

// A translated XLIFF comes back as one IMPORT revision; 201 when it changed text, 200 when not.
export const POST = apiRoute<{ id: string }, undefined, typeof xliffImportQuerySchema>(
  {
    permission: "edit:revision",
    query: xliffImportQuerySchema,
    rawBody: { contentTypes: XLIFF_CONTENT_TYPES },
    maxBodyBytes: XLIFF_MAX_BYTES,
  },
  async ({ params, query, rawBody, user, requestId }) => {
    const res = await importXliff({
      articleId: params.id,
      baseRevision: query.baseRevision,
      xml: rawBody,
      actor: user(),
      requestId,
    });
    return json({ revision: res.revision, created: res.created }, res.created ? 201 : 200);
  },
);
