import type { Metadata } from "next";
import { InvalidFilters } from "@/components/invalid-filters";
import { parseFilters, readFilters, type SearchParams } from "@/lib/page-query";
import Link from "@/components/link";
import { auditQuerySchema } from "@/lib/api/schemas/audit";
import { requirePageActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format-time";
import { displayTimeZone } from "@/lib/server/time-zone";
import { verifyAuditLog } from "@/lib/server/audit-verify";
import { AUDIT_ACTIONS } from "@/lib/audit/summary";
import {
  auditFilterChoices,
  listAuditEvents,
  type ReadableAuditItem,
} from "@/lib/server/audit-log";
import { VerifyResultNotice } from "./verify-result";

export const metadata: Metadata = { title: "Audit log" };

const FILTERS = ["actor", "action", "articleId", "entityType", "entityId", "from", "to"] as const;
const PAGE_SIZE = 50;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("read:audit", "/audit");
  const tz = await displayTimeZone(actor);
  const raw = await readFilters(searchParams);
  const pageSchema = auditQuerySchema.omit({ format: true });
  const { query, problems } = parseFilters(
    pageSchema,
    { ...raw, limit: String(PAGE_SIZE) },
    { limit: String(PAGE_SIZE) },
  );
  const { limit, cursor, ...filter } = query;
  const [page, verify, choices] = await Promise.all([
    listAuditEvents(filter, { limit, cursor }),
    raw.verify === "1" ? verifyAuditLog() : Promise.resolve(null),
    auditFilterChoices(),
  ]);

  // Links keep the filters; paging and export drop what does not apply to them.
  const filterParams = new URLSearchParams(
    FILTERS.filter((k) => !problems && raw[k]).map((k) => [k, raw[k]!]),
  );
  const withParams = (base: string, extra: Record<string, string>) => {
    const p = new URLSearchParams(filterParams);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return `${base}?${p.toString()}`;
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <div className="flex items-center gap-2 text-sm">
          <span className="text-slate-600">Export all matching events:</span>
          <a
            href={withParams("/api/v1/audit", { format: "csv" })}
            className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50"
            download
          >
            CSV
          </a>
          <a
            href={withParams("/api/v1/audit", { format: "json" })}
            className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50"
            download
          >
            JSON
          </a>
        </div>
      </div>

      <section
        aria-labelledby="verify-h"
        className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
      >
        <h2 id="verify-h" className="font-semibold">
          Signed log
        </h2>
        <form method="get">
          {[...filterParams].map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <input type="hidden" name="verify" value="1" />
          <button type="submit" className="rounded bg-slate-900 px-3 py-1 font-medium text-white">
            Verify log
          </button>
        </form>
        {verify ? (
          <VerifyResultNotice result={verify} />
        ) : (
          <span className="text-slate-600">
            Recomputes the Merkle tree from every event and checks every signed tree head; any
            edited, removed or reordered event breaks it.
          </span>
        )}
      </section>

      <InvalidFilters problems={problems} />

      <form
        method="get"
        role="search"
        className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
      >
        <label className="flex flex-col">
          <span className="mb-1 text-slate-600">Article</span>
          <select
            name="articleId"
            defaultValue={raw.articleId ?? ""}
            className="w-56 rounded border border-slate-300 px-2 py-1"
          >
            <option value="">Any</option>
            {choices.articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title.length > 60 ? `${a.title.slice(0, 60)}…` : a.title}
              </option>
            ))}
          </select>
        </label>
        <Field
          name="actor"
          label="Actor (name, email or id)"
          value={raw.actor}
          list="audit-actors"
        />
        <datalist id="audit-actors">
          {choices.users.map((u) => (
            <option key={u.id} value={u.email}>
              {u.name}
            </option>
          ))}
        </datalist>
        <Field
          name="action"
          label="Action"
          value={raw.action}
          placeholder="revision.*"
          list="audit-actions"
        />
        <datalist id="audit-actions">
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <Field name="entityType" label="Entity type" value={raw.entityType} placeholder="article" />
        <Field name="entityId" label="Entity id" value={raw.entityId} />
        <Field name="from" label="From (UTC)" value={raw.from} type="date" />
        <Field name="to" label="To (UTC, inclusive)" value={raw.to} type="date" />
        <button type="submit" className="rounded bg-slate-900 px-3 py-1 font-medium text-white">
          Filter
        </button>
        <Link href="/audit" className="pb-1 text-slate-600 underline">
          Clear
        </Link>
      </form>

      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit events, newest first</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
            <tr>
              {["Time", "Who", "What", "Action", "Raw"].map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-8 text-center text-slate-500">
                  No events match.
                </td>
              </tr>
            ) : null}
            {page.items.map((e) => (
              <EventRow key={e.id} e={e} tz={tz} />
            ))}
          </tbody>
        </table>
      </div>

      <div className="flex justify-between text-sm">
        {cursor !== undefined ? (
          <Link href={withParams("/audit", {})} className="text-blue-700 underline">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link
            href={withParams("/audit", { cursor: page.nextCursor })}
            className="text-blue-700 underline"
          >
            Older →
          </Link>
        ) : null}
      </div>
    </div>
  );
}

function Field(props: {
  name: string;
  label: string;
  value?: string;
  placeholder?: string;
  type?: string;
  list?: string;
}) {
  return (
    <label className="flex flex-col">
      <span className="mb-1 text-slate-600">{props.label}</span>
      <input
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.value ?? ""}
        placeholder={props.placeholder}
        list={props.list}
        className="w-44 rounded border border-slate-300 px-2 py-1"
      />
    </label>
  );
}

function EventRow({ e, tz }: { e: ReadableAuditItem; tz: string }) {
  return (
    <tr className="border-b border-slate-100 align-top last:border-0" data-testid="audit-row">
      <td className="px-3 py-1.5 whitespace-nowrap text-slate-700" title={`Event #${e.id}`}>
        <time dateTime={e.at}>{formatDateTime(e.at, tz)}</time>
      </td>
      <td
        className="max-w-48 truncate px-3 py-1.5"
        title={`${e.actorLabel}${e.actorId ? ` · id ${e.actorId}` : ""} (${e.actorType.toLowerCase()})`}
        data-testid="audit-actor"
      >
        {e.actorName ?? e.actorLabel}
      </td>
      <td className="px-3 py-1.5">
        <div data-testid="audit-summary">{e.summary}</div>
        {e.articleId && e.articleTitle !== null ? (
          <Link
            href={`/articles/${e.articleId}/history`}
            title={`Article id ${e.articleId}`}
            className="block max-w-xl truncate text-xs text-blue-700 underline"
            data-testid="audit-article"
          >
            {e.articleTitle}
          </Link>
        ) : null}
      </td>
      <td className="px-3 py-1.5 whitespace-nowrap">
        <code className="text-xs" title={`${e.entityType} ${e.entityId}`}>
          {e.action}
        </code>
      </td>
      <td className="px-3 py-1.5">
        <details>
          <summary className="cursor-pointer text-xs text-slate-600">JSON</summary>
          {/* Focusable so keyboard users can scroll a long payload. */}
          <pre
            tabIndex={0}
            aria-label={`Event ${e.id}`}
            className="mt-1 max-h-60 max-w-md overflow-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap"
          >
            {JSON.stringify(
              {
                id: e.id,
                entityType: e.entityType,
                entityId: e.entityId,
                actorId: e.actorId,
                actorLabel: e.actorLabel,
                requestId: e.requestId,
                data: e.data,
              },
              null,
              2,
            )}
          </pre>
        </details>
      </td>
    </tr>
  );
}
