"use client";
import { useActionState } from "react";
import type { OutletView } from "@/lib/server/outlets";
import { CHAT_EVENTS } from "@/lib/validation/outlets";
import { createOutletAction, updateOutletAction } from "./actions";

const input = "rounded border border-slate-300 px-2 py-1";

type Values = Pick<
  OutletView,
  | "name"
  | "allowedOrigins"
  | "canonicalUrlPattern"
  | "timeZone"
  | "chatWebhookUrl"
  | "chatEvents"
  | "notifyReaderOnDecline"
> & { disclosures: string };

function valuesOf(outlet?: OutletView): Values {
  return {
    name: outlet?.name ?? "",
    allowedOrigins: outlet?.allowedOrigins ?? [],
    canonicalUrlPattern: outlet?.canonicalUrlPattern ?? "",
    timeZone: outlet?.timeZone ?? "",
    chatWebhookUrl: outlet?.chatWebhookUrl ?? "",
    chatEvents: outlet?.chatEvents ?? [],
    notifyReaderOnDecline: outlet?.notifyReaderOnDecline ?? false,
    disclosures: outlet ? JSON.stringify(outlet.disclosures, null, 1) : "{}",
  };
}

/** What was sent: React resets a form after its action, so a refused one is refilled from it. */
function valuesFromForm(form: FormData): Values {
  const text = (k: string) => String(form.get(k) ?? "");
  return {
    name: text("name"),
    allowedOrigins: text("allowedOrigins").split("\n"),
    canonicalUrlPattern: text("canonicalUrlPattern"),
    timeZone: text("timeZone"),
    chatWebhookUrl: text("chatWebhookUrl"),
    chatEvents: form.getAll("chatEvents").map(String),
    notifyReaderOnDecline: form.get("notifyReaderOnDecline") === "on",
    disclosures: text("disclosures"),
  };
}

/** Create (no outlet) or edit one outlet; the server's refusal names the field. */
export function OutletForm({ outlet }: { outlet?: OutletView }) {
  const [state, action, pending] = useActionState(async (_prev: unknown, form: FormData) => {
    const result = await (outlet ? updateOutletAction : createOutletAction)(null, form);
    return { result, sent: result.ok ? null : valuesFromForm(form) };
  }, null);
  const v = state?.sent ?? valuesOf(outlet);
  // A new key after each answer remounts the fields with these values as their defaults.
  const fieldsKey = JSON.stringify(v);
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
          <input key={fieldsKey} name="name" required defaultValue={v.name} className={input} />
        </label>
      )}
      <label className="flex flex-col">
        <span className="text-slate-600">Allowed origins (one per line)</span>
        <textarea
          name="allowedOrigins"
          rows={3}
          key={fieldsKey}
          defaultValue={v.allowedOrigins.join("\n")}
          placeholder="https://news.example"
          className={input}
        />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-600">Disclosure texts (JSON per language)</span>
        <textarea
          name="disclosures"
          rows={3}
          key={fieldsKey}
          defaultValue={v.disclosures}
          className={`${input} font-mono text-xs`}
        />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-600">Canonical URL pattern</span>
        <input
          name="canonicalUrlPattern"
          key={fieldsKey}
          defaultValue={v.canonicalUrlPattern ?? ""}
          placeholder="https://news.example/a/{externalId}"
          className={input}
        />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-600">Time zone (IANA; empty = Galley&apos;s)</span>
        <input
          name="timeZone"
          key={fieldsKey}
          defaultValue={v.timeZone ?? ""}
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
              key={fieldsKey}
              defaultChecked={v.chatEvents.includes(e)}
            />
            {e}
          </label>
        ))}
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            name="notifyReaderOnDecline"
            key={fieldsKey}
            defaultChecked={v.notifyReaderOnDecline}
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
          state.result.ok ? (
            <p role="status" className="text-emerald-800">
              Saved {state.result.data.name}.
            </p>
          ) : (
            <p role="alert" className="text-rose-700">
              {state.result.error}
            </p>
          )
        ) : null}
      </div>
    </form>
  );
}
