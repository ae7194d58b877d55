import { apiRoute } from "@/lib/api/handler";
import { markNotificationsRead as contract } from "@/lib/api/routes/desk";
import { markNotificationsRead } from "@/lib/server/notifications";

export const POST = apiRoute(contract, async ({ body, user }) =>
  markNotificationsRead(user().userId, body.ids),
);
