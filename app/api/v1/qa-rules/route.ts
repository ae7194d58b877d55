import { apiRoute } from "@/lib/api/handler";
import { createQaRule as create, listQaRules as list } from "@/lib/api/routes/intel";
import { createQaRule, listQaRules } from "@/lib/server/qa-rules";

export const GET = apiRoute(list, async () => ({ items: await listQaRules() }));

export const POST = apiRoute(create, async ({ body, user, requestId, reply }) =>
  reply(201, await createQaRule(body, user(), requestId)),
);
