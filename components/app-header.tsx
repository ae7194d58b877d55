import Link from "@/components/link";
import { NAV_ITEMS, can, type UserActor } from "@/lib/auth/policy";
import { countNewFeedback } from "@/lib/server/feedback-counts";
import { countUnreadNotifications } from "@/lib/server/notifications";
import { SignOutButton } from "./sign-out-button";

export async function AppHeader({ actor }: { actor: UserActor }) {
  const items = NAV_ITEMS.filter((i) => can(actor, i.permission));
  const [newFeedback, unread] = await Promise.all([
    can(actor, "triage:feedback") ? countNewFeedback() : 0,
    countUnreadNotifications(actor.userId),
  ]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
        <Link href="/articles" className="text-lg font-semibold tracking-tight text-slate-900">
          Galley
        </Link>
        <ul className="flex flex-1 items-center gap-4 text-sm">
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="text-slate-700 hover:text-slate-950">
                {item.label}
                {item.href === "/feedback" && newFeedback > 0 ? (
                  <span
                    className="ml-1 rounded-full bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-950"
                    aria-label={`${newFeedback} new`}
                    data-testid="feedback-badge"
                  >
                    {newFeedback}
                  </span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
        <div className="flex items-center gap-3 text-sm">
          <span className="text-slate-700" data-testid="current-user">
            {actor.name}{" "}
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">
              {actor.role}
            </span>
          </span>
          <Link
            href="/notifications"
            className="relative text-slate-700 hover:text-slate-950"
            aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
            data-testid="notification-bell"
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="inline h-5 w-5 fill-none stroke-current stroke-2"
            >
              <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
              <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
            </svg>
            {unread > 0 ? (
              <span
                aria-hidden="true"
                className="ml-0.5 rounded-full bg-rose-600 px-1.5 py-0.5 text-xs font-semibold text-white"
                data-testid="notification-count"
              >
                {unread}
              </span>
            ) : null}
          </Link>
          <Link href="/account" className="text-slate-700 underline-offset-2 hover:underline">
            Account
          </Link>
          <SignOutButton />
        </div>
      </nav>
    </header>
  );
}
