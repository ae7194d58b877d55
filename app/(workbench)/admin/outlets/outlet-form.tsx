"use client";
import { useActionState } from "react";
import type { OutletView } from "@/lib/server/outlets";
import { CHAT_EVENTS } from "@/lib/validation/outlets";
import { createOutletAction, updateOutletAction } from "./actions";

const input = "rounded border border-slate-300 px-2 py-1";

/** Create (no outlet) or edit one outlet; the server's refusal names the field. */
export function OutletForm({ outlet }: { outlet?: OutletView }) {
  const [state, action, pending] = useActionState(
    outlet ? updateOutletAction : createOutletAction,
    null,
  );
  const id = outlet ? `outlet-${outlet.id}` : "outlet-new";
  return (
    <form
      action={action}
      className="grid gap-2 text-sm sm:grid-cols-2"
      aria-label={outlet ? `Edit ${outlet.name}` : "New outlet"}
    >
      {outlet ? (
        <input type="hidden" name="id" value={outlet.id} />
      ) : (
        <label className="flex flex-col sm:col-span-2">
          <span className="text-slate-600">Name (the articles&apos; outlet)</span>
          <input name="name" required className={input} />
        </label>
      )}
      <label className="flex flex-col">
        <span className="text-slate-600">Allowed origins (one per line)</span>
        <textarea
          name="allowedOrigins"
          rows={3}
          defaultValue={outlet?.allowedOrigins.join("\n")}
          placeholder="https://news.example"
          className={input}
        />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-600">Disclosure texts (JSON per language)</span>
        <textarea
          name="disclosures"
          rows={3}
          defaultValue={outlet ? JSON.stringify(outlet.disclosures, null, 1) : "{}"}
          className={`${input} font-mono text-xs`}
        />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-600">Canonical URL pattern</span>
        <input
          name="canonicalUrlPattern"
          defaultValue={outlet?.canonicalUrlPattern ?? ""}
          placeholder="https://news.example/a/{externalId}"
          className={input}
        />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-600">Time zone (IANA; empty = Galley&apos;s)</span>
        <input
          name="timeZone"
          defaultValue={outlet?.timeZone ?? ""}
          placeholder="Asia/Seoul"
          className={input}
        />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-600">Chat incoming-webhook URL</span>
        <input
          name="chatWebhookUrl"
          defaultValue={outlet?.chatWebhookUrl ?? ""}
          className={input}
        />
      </label>
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="text-slate-600">Chat events</legend>
        {CHAT_EVENTS.map((e) => (
          <label key={e} className="flex items-center gap-1">
            <input
              type="checkbox"
              name="chatEvents"
              value={e}
              defaultChecked={outlet?.chatEvents.includes(e)}
            />
            {e}
          </label>
        ))}
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            name="notifyReaderOnDecline"
            defaultChecked={outlet?.notifyReaderOnDecline}
          />
          Tell readers when their report is declined
        </label>
      </fieldset>
      <div className="flex items-center gap-2 sm:col-span-2">
        <button
          disabled={pending}
          id={`${id}-save`}
          className="rounded bg-slate-900 px-3 py-1 font-medium text-white"
        >
          {outlet ? "Save outlet" : "Add outlet"}
        </button>
        {state ? (
          state.ok ? (
            <p role="status" className="text-emerald-800">
              Saved {state.data.name}.
            </p>
          ) : (
            <p role="alert" className="text-rose-700">
              {state.error}
            </p>
          )
        ) : null}
      </div>
    </form>
  );
}
