import { apiRoute } from "@/lib/api/handler";
import { markReadSchema } from "@/lib/api/schemas/desk";
import { markNotificationsRead } from "@/lib/server/notifications";

export const POST = apiRoute<Record<string, never>, typeof markReadSchema>(
  { permission: "read:article", body: markReadSchema },
  async ({ body, user }) => markNotificationsRead(user().userId, body.ids),
);
