import { apiRoute } from "@/lib/api/handler";
import { createOutlet as create, listOutlets as list } from "@/lib/api/routes/outlets";
import { createOutlet, listOutlets } from "@/lib/server/outlets";

export const GET = apiRoute(list, async () => ({ items: await listOutlets() }));

export const POST = apiRoute(create, async ({ body, user, requestId, reply }) =>
  reply(201, await createOutlet(body, user(), requestId)),
);
