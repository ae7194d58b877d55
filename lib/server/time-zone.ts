import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isTimeZone } from "@/lib/format-time";

/**
 * The zone a page shows its dates in: the signed-in user's preference (set on /account), else
 * GALLEY_TIME_ZONE. Public pages pass no actor. Once per request.
 */
export const displayTimeZone = cache(async (actor?: Actor | null): Promise<string> => {
  if (actor && (actor.type === "USER" || actor.type === "TOKEN")) {
    const user = await db().user.findUnique({
      where: { id: actor.userId },
      select: { timeZone: true },
    });
    if (user?.timeZone && isTimeZone(user.timeZone)) return user.timeZone;
  }
  return env().GALLEY_TIME_ZONE;
});
