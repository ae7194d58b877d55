import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format-time";
import { displayTimeZone } from "@/lib/server/time-zone";
import { listDeliveries, listWebhooks } from "@/lib/server/webhooks";
import {
  CreateWebhookForm,
  DeleteWebhookButton,
  RetryDeliveryButton,
} from "@/components/webhooks/controls";

export const metadata: Metadata = { title: "Webhooks" };

/** Admin: signed outbound webhooks, and each one's delivery log (issue 17, ADR 013). */
export default async function WebhooksPage() {
  const actor = await requirePageActor("manage:webhooks", "/webhooks");
  const tz = await displayTimeZone(actor);
  const hooks = await listWebhooks();
  const logs = await Promise.all(hooks.map((h) => listDeliveries(h.id, 20)));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Webhooks</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        Galley POSTs each subscribed event to the URL, signed per Standard Webhooks (
        <code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>). A
        delivery that does not get a 2xx answer is retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h
        and 10 h (27½ hours in all). Redirects are not followed; private and loopback addresses are
        refused.
      </p>
      <CreateWebhookForm />
      {hooks.length === 0 ? <p className="text-sm text-slate-600">No webhooks yet.</p> : null}
      {hooks.map((h, i) => (
        <section
          key={h.id}
          aria-label={`Webhook ${h.url}`}
          className="rounded border border-slate-200 bg-white p-4"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="font-mono text-sm break-all">{h.url}</h2>
            <DeleteWebhookButton id={h.id} url={h.url} />
          </div>
          {h.description ? <p className="text-sm text-slate-700">{h.description}</p> : null}
          <p className="text-xs text-slate-600">
            {h.events.join(", ")} · created {formatDateTime(h.createdAt, tz)} · {h.counts.succeeded}{" "}
            delivered, {h.counts.pending} pending, {h.counts.failed} failed
          </p>
          <table className="mt-3 w-full text-left text-sm">
            <caption className="sr-only">Delivery log of {h.url}</caption>
            <thead className="text-slate-600">
              <tr>
                <th className="py-1">Event</th>
                <th>State</th>
                <th>Attempts (status · duration · error)</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {logs[i]!.map((d) => (
                <tr key={d.id} className="border-t border-slate-100 align-top">
                  <td className="py-1.5">
                    {d.eventType}
                    <div className="font-mono text-xs text-slate-500">{d.id}</div>
                  </td>
                  <td>
                    {d.status.toLowerCase()}
                    {d.nextAttemptAt ? (
                      <div className="text-xs text-slate-500">
                        next {formatDateTime(d.nextAttemptAt, tz)}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <ol className="text-xs">
                      {d.log.map((a) => (
                        <li key={a.attempt}>
                          #{a.attempt} {a.manual ? "(retry) " : ""}
                          {formatDateTime(a.at, tz)} · {a.statusCode ?? "no answer"} ·{" "}
                          {a.durationMs} ms{a.error ? ` · ${a.error}` : ""}
                        </li>
                      ))}
                    </ol>
                  </td>
                  <td>
                    <RetryDeliveryButton webhookId={h.id} deliveryId={d.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {logs[i]!.length === 0 ? (
            <p className="text-xs text-slate-600">No deliveries yet.</p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
