import { apiRoute } from "@/lib/api/handler";
import { listNotifications as contract } from "@/lib/api/routes/desk";
import { listNotifications } from "@/lib/server/notifications";

// Only ever the caller's own notifications: the user comes from the session or token.
export const GET = apiRoute(contract, async ({ query, user }) =>
  listNotifications(user().userId, { ...query, unread: query.unread !== undefined }),
);
