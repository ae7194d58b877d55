import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { PASSWORD_MIN_LENGTH } from "@/lib/server/users";
import { displayTimeZone } from "@/lib/server/time-zone";
import { ChangePasswordForm } from "./password-form";
import { TimeZoneForm } from "./time-zone-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  // Every role holds read:article: any signed-in user may open their account.
  const actor = await requirePageActor("read:article", "/account");
  const serverZone = env().GALLEY_TIME_ZONE;
  const shown = await displayTimeZone(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Your account</h1>
      <p className="text-sm text-slate-600">
        Signed in as {actor.email} ({actor.role}).
      </p>
      <section aria-labelledby="tz-h" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="tz-h" className="mb-1 text-lg font-semibold">
          Time zone
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          The workbench shows dates in {shown}. Public pages always use the newsroom&apos;s zone.
        </p>
        <TimeZoneForm
          current={shown === serverZone ? null : shown}
          serverZone={serverZone}
          zones={Intl.supportedValuesOf("timeZone")}
        />
      </section>
      <section
        aria-labelledby="password-h"
        className="rounded border border-slate-200 bg-white p-4"
      >
        <h2 id="password-h" className="mb-1 text-lg font-semibold">
          Change password
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          At least {PASSWORD_MIN_LENGTH} characters. Changing it signs you out on every other
          device.
        </p>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
