import type { Metadata } from "next";
import { InvalidFilters } from "@/components/invalid-filters";
import { parseFilters, readFilters, type SearchParams } from "@/lib/page-query";
import Link from "next/link";
import { auditQuerySchema } from "@/lib/api/schemas/audit";
import { requirePageActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format-time";
import { verifyAuditChain } from "@/lib/server/audit";
import { listAuditEvents, type AuditItem } from "@/lib/server/audit-log";
import { VerifyResultNotice } from "./verify-result";

export const metadata: Metadata = { title: "Audit log" };

const FILTERS = ["actor", "action", "entityType", "entityId", "from", "to"] as const;
const PAGE_SIZE = 50;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageActor("read:audit", "/audit");
  const raw = await readFilters(searchParams);
  const pageSchema = auditQuerySchema.omit({ format: true });
  const { query, problems } = parseFilters(
    pageSchema,
    { ...raw, limit: String(PAGE_SIZE) },
    { limit: String(PAGE_SIZE) },
  );
  const { limit, cursor, ...filter } = query;
  const [page, verify] = await Promise.all([
    listAuditEvents(filter, { limit, cursor }),
    raw.verify === "1" ? verifyAuditChain() : Promise.resolve(null),
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
          Hash chain
        </h2>
        <form method="get">
          {[...filterParams].map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <input type="hidden" name="verify" value="1" />
          <button type="submit" className="rounded bg-slate-900 px-3 py-1 font-medium text-white">
            Verify chain
          </button>
        </form>
        {verify ? (
          <VerifyResultNotice result={verify} />
        ) : (
          <span className="text-slate-600">
            Recomputes every event’s hash from the first; any edited, removed or reordered event
            breaks it.
          </span>
        )}
      </section>

      <InvalidFilters problems={problems} />

      <form
        method="get"
        role="search"
        className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3 text-sm"
      >
        <Field name="actor" label="Actor (email or id)" value={raw.actor} />
        <Field name="action" label="Action" value={raw.action} placeholder="revision.*" />
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
              {["Time", "Actor", "Action", "Entity", "Request", "Data"].map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.items.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-8 text-center text-slate-500">
                  No events match.
                </td>
              </tr>
            ) : null}
            {page.items.map((e) => (
              <EventRow key={e.id} e={e} />
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
}) {
  return (
    <label className="flex flex-col">
      <span className="mb-1 text-slate-600">{props.label}</span>
      <input
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.value ?? ""}
        placeholder={props.placeholder}
        className="w-44 rounded border border-slate-300 px-2 py-1"
      />
    </label>
  );
}

function EventRow({ e }: { e: AuditItem }) {
  const articleLink = e.entityType === "article" ? `/articles/${e.entityId}/history` : null;
  return (
    <tr className="border-b border-slate-100 align-top last:border-0" data-testid="audit-row">
      <td className="px-3 py-2 whitespace-nowrap text-slate-700">
        <time dateTime={e.at}>{formatDateTime(e.at)}</time>
        <div className="text-xs text-slate-500">#{e.id}</div>
      </td>
      <td className="px-3 py-2">
        <div>{e.actorLabel}</div>
        <div className="text-xs text-slate-500">{e.actorType.toLowerCase()}</div>
      </td>
      <td className="px-3 py-2">
        <code className="text-xs">{e.action}</code>
      </td>
      <td className="px-3 py-2">
        <div className="text-xs text-slate-500">{e.entityType}</div>
        {articleLink ? (
          <Link href={articleLink} className="font-mono text-xs break-all text-blue-700 underline">
            {e.entityId}
          </Link>
        ) : (
          <span className="font-mono text-xs break-all">{e.entityId}</span>
        )}
      </td>
      <td className="px-3 py-2 font-mono text-xs break-all text-slate-500">{e.requestId}</td>
      <td className="px-3 py-2">
        {/* Focusable so keyboard users can scroll a long payload. */}
        <pre
          tabIndex={0}
          aria-label={`Data of event ${e.id}`}
          className="max-h-40 max-w-md overflow-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap"
        >
          {JSON.stringify(e.data, null, 2)}
        </pre>
      </td>
    </tr>
  );
}
