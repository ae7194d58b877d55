import { apiRoute } from "@/lib/api/handler";
import { notificationsQuerySchema } from "@/lib/api/schemas/desk";
import { listNotifications } from "@/lib/server/notifications";

// The caller's own notifications: mentions, assignments, hand-offs, reader reports.
export const GET = apiRoute<Record<string, never>, undefined, typeof notificationsQuerySchema>(
  { permission: "read:article", query: notificationsQuerySchema },
  async ({ query, user }) =>
    listNotifications(user().userId, { ...query, unread: query.unread !== undefined }),
);
