import "server-only";
import { db } from "@/lib/db";

export function countNewFeedback(): Promise<number> {
  return db().feedback.count({ where: { status: "NEW" } });
}
