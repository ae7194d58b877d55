import { apiRoute } from "@/lib/api/handler";
import { importXliff as contract } from "@/lib/api/routes/interchange";
import { importXliff } from "@/lib/server/xliff-import";

// A translated XLIFF comes back as one IMPORT revision; 201 when it changed text, 200 when not.
export const POST = apiRoute(
  contract,
  async ({ params, query, rawBody, user, requestId, reply }) => {
    const res = await importXliff({
      articleId: params.id,
      baseRevision: query.baseRevision,
      xml: rawBody,
      actor: user(),
      requestId,
    });
    const answer = { revision: res.revision, created: res.created };
    return res.created ? reply(201, answer) : answer;
  },
);
