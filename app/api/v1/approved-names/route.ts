import { apiRoute } from "@/lib/api/handler";
import { createApprovedName as create, listApprovedNames as list } from "@/lib/api/routes/intel";
import { createApprovedName, listApprovedNames } from "@/lib/server/approved-names";

export const GET = apiRoute(list, async ({ query }) => ({
  items: await listApprovedNames(query.targetLang),
}));

export const POST = apiRoute(create, async ({ body, user, requestId, reply }) =>
  reply(201, await createApprovedName(body, user(), requestId)),
);
