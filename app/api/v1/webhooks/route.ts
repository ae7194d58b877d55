import { apiRoute } from "@/lib/api/handler";
import { createWebhook as create, listWebhooks as list } from "@/lib/api/routes/webhooks";
import { createWebhook, listWebhooks } from "@/lib/server/webhooks";

export const GET = apiRoute(list, async () => ({ items: await listWebhooks() }));

export const POST = apiRoute(create, async ({ body, user, requestId, reply }) =>
  reply(201, await createWebhook(body, user(), requestId)),
);
