"use client";
// "Use this spelling everywhere" (issue 16): when the saved text of a segment respells a name
// of the MT, offer to add the new spelling to the newsroom's approved names. Every other
// article whose text uses another variant then gets an "approved-name" warning.
import { useMemo, useState } from "react";
import { createApprovedName } from "@/lib/api/routes/intel";
import { correctedNames } from "@/lib/quality/checks/approved-names";
import { sendJson } from "@/components/quality/api";

export function UseEverywhere({
  mt,
  text,
  targetLang,
}: {
  mt: string;
  /** The saved text (not a draft): offers follow what was actually saved. */
  text: string;
  targetLang: string;
}) {
  const offers = useMemo(() => correctedNames(mt, text), [mt, text]);
  const [done, setDone] = useState<Record<string, string>>({});
  if (offers.length === 0) return null;

  async function approve(spelling: string) {
    const res = await sendJson(createApprovedName, {}, { targetLang, spelling, kind: "PERSON" });
    setDone((d) => ({
      ...d,
      [spelling]: res.ok ? "Approved: other articles will be flagged." : res.error,
    }));
  }

  return (
    <ul className="mt-1 space-y-1 text-xs" aria-label="Corrected names">
      {offers.map((o) => (
        <li key={o.to} className="flex flex-wrap items-center gap-2 text-slate-700">
          <span>
            You changed &ldquo;{o.from}&rdquo; to &ldquo;{o.to}&rdquo;.
          </span>
          {done[o.to] ? (
            <span role="status">{done[o.to]}</span>
          ) : (
            <button
              type="button"
              onClick={() => approve(o.to)}
              className="rounded border border-sky-300 bg-sky-50 px-2 py-0.5 text-sky-900"
            >
              Use this spelling everywhere
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
