import type { Metadata } from "next";
import Link from "@/components/link";
import { requirePageActor } from "@/lib/auth/session";
import { age, formatDateTime } from "@/lib/format-time";
import { displayTimeZone } from "@/lib/server/time-zone";
import { listNotifications } from "@/lib/server/notifications";
import { MarkAllRead } from "./mark-all-read";

export const metadata: Metadata = { title: "Notifications" };

const KIND_LABEL = {
  MENTION: "Mention",
  ASSIGNED: "Assigned",
  CHANGES_REQUESTED: "Changes requested",
  SUBMITTED: "Ready for approval",
  FEEDBACK: "Reader feedback",
} as const;

export default async function NotificationsPage() {
  const actor = await requirePageActor("read:article", "/notifications");
  const tz = await displayTimeZone(actor);
  const { items, unread } = await listNotifications(actor.userId, { limit: 100 });
  return (
    <div>
      <div className="mb-4 flex items-center gap-4">
        <h1 className="text-2xl font-semibold">Notifications</h1>
        <span className="text-sm text-slate-600">{unread} unread</span>
        <MarkAllRead disabled={unread === 0} />
      </div>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">Nothing yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
          {items.map((n) => (
            <li
              key={n.id}
              className={`flex items-start gap-3 px-3 py-2 text-sm ${n.read ? "" : "bg-sky-50"}`}
              data-testid="notification"
              data-read={n.read ? "true" : "false"}
            >
              <span className="w-36 shrink-0 text-xs font-medium text-slate-600">
                {KIND_LABEL[n.kind]}
              </span>
              <span className="flex-1">
                {n.articleId ? (
                  <Link href={`/articles/${n.articleId}`} className="text-blue-800 underline">
                    {n.text}
                  </Link>
                ) : (
                  n.text
                )}
              </span>
              <time
                className="shrink-0 text-xs text-slate-500"
                dateTime={n.createdAt}
                title={formatDateTime(n.createdAt, tz)}
              >
                {age(n.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
