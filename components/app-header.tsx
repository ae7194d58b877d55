import Link from "next/link";
import { NAV_ITEMS, can, type UserActor } from "@/lib/auth/policy";
import { countNewFeedback } from "@/lib/server/feedback-counts";
import { SignOutButton } from "./sign-out-button";

export async function AppHeader({ actor }: { actor: UserActor }) {
  const items = NAV_ITEMS.filter((i) => can(actor, i.permission));
  const newFeedback = can(actor, "triage:feedback") ? await countNewFeedback() : 0;
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
          <Link href="/account" className="text-slate-700 underline-offset-2 hover:underline">
            Account
          </Link>
          <SignOutButton />
        </div>
      </nav>
    </header>
  );
}
