"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callApi } from "@/lib/api/client";
import { createWebhook, deleteWebhook, retryWebhookDelivery } from "@/lib/api/routes/webhooks";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/domain/webhooks";

/** The create form; the secret from the answer is shown here once and never again. */
export function CreateWebhookForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setError(null);
    setSecret(null);
    const res = await callApi(
      createWebhook,
      {},
      {
        url: String(form.get("url") ?? ""),
        description: String(form.get("description") ?? ""),
        events: form.getAll("events").map(String) as WebhookEvent[],
      },
    );
    if (!res.ok) {
      setError(res.error?.message ?? "Could not create the webhook");
      return;
    }
    setSecret(res.data.secret);
    router.refresh();
  }
  return (
    <form
      onSubmit={(e) => void submit(e)}
      aria-labelledby="new-webhook-h"
      className="space-y-2 rounded border border-slate-200 bg-white p-4 text-sm"
    >
      <h2 id="new-webhook-h" className="text-lg font-semibold">
        New webhook
      </h2>
      <label className="block">
        URL
        <input
          name="url"
          type="url"
          required
          placeholder="https://cms.example/galley-hook"
          className="ml-2 w-96 max-w-full rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <label className="block">
        Description
        <input
          name="description"
          className="ml-2 w-96 max-w-full rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <fieldset className="flex flex-wrap gap-3">
        <legend>Events</legend>
        {WEBHOOK_EVENTS.map((ev) => (
          <label key={ev} className="flex items-center gap-1">
            <input type="checkbox" name="events" value={ev} />
            <code>{ev}</code>
          </label>
        ))}
      </fieldset>
      <button className="rounded bg-slate-800 px-3 py-1 text-white">Create webhook</button>
      {error ? (
        <p role="alert" className="text-rose-700">
          {error}
        </p>
      ) : null}
      {secret ? (
        <div role="status" className="rounded border border-amber-300 bg-amber-50 p-2">
          <p>Signing secret — copy it now, it is not shown again:</p>
          <code data-testid="webhook-secret" className="break-all select-all">
            {secret}
          </code>
        </div>
      ) : null}
    </form>
  );
}

export function DeleteWebhookButton({ id, url }: { id: string; url: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    if (!window.confirm(`Delete the webhook to ${url} and its delivery log?`)) return;
    const res = await callApi(deleteWebhook, { id });
    if (!res.ok) setError(res.error?.message ?? "Could not delete");
    else router.refresh();
  }
  return (
    <span>
      <button
        type="button"
        onClick={() => void remove()}
        className="rounded border border-slate-300 px-2 text-xs"
      >
        Delete
      </button>
      {error ? (
        <span role="alert" className="ml-1 text-xs text-rose-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}

export function RetryDeliveryButton({
  webhookId,
  deliveryId,
}: {
  webhookId: string;
  deliveryId: string;
}) {
  const router = useRouter();
  const [state, setState] = useState<string | null>(null);
  async function retry() {
    const res = await callApi(retryWebhookDelivery, { id: webhookId, deliveryId });
    setState(res.ok ? "Queued" : (res.error?.message ?? "Could not retry"));
    // The attempt runs in the background; refresh shortly to show it in the log.
    if (res.ok) setTimeout(() => router.refresh(), 1500);
  }
  return (
    <span className="text-xs">
      <button
        type="button"
        onClick={() => void retry()}
        className="rounded border border-slate-300 px-2"
      >
        Retry
      </button>
      {state ? <span role="status"> {state}</span> : null}
    </span>
  );
}
