import { apiRoute } from "@/lib/api/handler";
import { setPresence } from "@/lib/api/routes/live";
import { focusSegment } from "@/lib/server/live/presence";

export const POST = apiRoute(setPresence, async ({ params, body, user }) =>
  focusSegment({
    articleId: params.id,
    userId: user().userId,
    connectionId: body.connectionId,
    segmentIndex: body.segmentIndex,
  }),
);
