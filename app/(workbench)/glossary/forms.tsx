"use client";
import { useActionState, useId } from "react";
import type { ActionResult } from "@/lib/actions/guard";
import type { CsvRowError } from "@/lib/formats/glossary-csv";
import { createTermAction, deleteTermAction, importCsvAction, updateTermAction } from "./actions";

const INPUT = "rounded border border-slate-300 bg-white px-2 py-1";
const BUTTON = "rounded bg-slate-900 px-3 py-1 font-medium text-white disabled:opacity-60";

interface TermFields {
  sourceLang: string;
  targetLang: string;
  sourceTerm?: string;
  targetTerm?: string;
  note?: string | null;
}

function TermInputs({ values, idPrefix }: { values: TermFields; idPrefix: string }) {
  const field = (name: keyof TermFields, label: string, extra: { size?: number } = {}) => (
    <label htmlFor={`${idPrefix}-${name}`} className="flex flex-col">
      <span className="text-slate-600">{label}</span>
      <input
        id={`${idPrefix}-${name}`}
        name={name}
        defaultValue={values[name] ?? ""}
        required={name !== "note"}
        className={INPUT}
        {...extra}
      />
    </label>
  );
  return (
    <>
      {field("sourceLang", "Source language", { size: 5 })}
      {field("targetLang", "Target language", { size: 5 })}
      {field("sourceTerm", "Source term")}
      {field("targetTerm", "Approved translation")}
      {field("note", "Note")}
    </>
  );
}

function Outcome({ state, success }: { state: ActionResult<unknown> | null; success: string }) {
  if (!state) return null;
  if (!state.ok) {
    return (
      <p role="alert" className="w-full text-rose-700">
        {state.error}
      </p>
    );
  }
  return (
    <p role="status" className="w-full text-emerald-800">
      {success}
    </p>
  );
}

export function AddTermForm({
  sourceLang,
  targetLang,
}: {
  sourceLang: string;
  targetLang: string;
}) {
  const [state, action, pending] = useActionState(createTermAction, null);
  const id = useId();
  return (
    <form
      action={action}
      aria-label="Add a glossary term"
      className="flex flex-wrap items-end gap-2 text-sm"
    >
      <TermInputs values={{ sourceLang, targetLang }} idPrefix={id} />
      <button disabled={pending} className={BUTTON}>
        Add term
      </button>
      <Outcome state={state} success="Term added." />
    </form>
  );
}

export function EditTermForm({ term }: { term: TermFields & { id: string } }) {
  const [state, action, pending] = useActionState(updateTermAction, null);
  const id = useId();
  return (
    <form action={action} className="mt-2 flex flex-wrap items-end gap-2 text-sm">
      <input type="hidden" name="id" value={term.id} />
      <TermInputs values={term} idPrefix={id} />
      <button disabled={pending} className={BUTTON}>
        Save
      </button>
      <Outcome state={state} success="Saved." />
    </form>
  );
}

export function DeleteTermForm({ id, label }: { id: string; label: string }) {
  const [state, action, pending] = useActionState(deleteTermAction, null);
  return (
    <form action={action} className="mt-2 flex items-center gap-2 text-sm">
      <input type="hidden" name="id" value={id} />
      <button
        disabled={pending}
        className="rounded border border-rose-300 bg-white px-2 py-0.5 text-rose-800"
        aria-label={`Confirm deleting ${label}`}
      >
        Confirm delete
      </button>
      <Outcome state={state} success="Deleted." />
    </form>
  );
}

export function ImportCsvForm() {
  const [state, action, pending] = useActionState(importCsvAction, null);
  const id = useId();
  const rowErrors = (state && !state.ok ? state.details?.rowErrors : undefined) as
    CsvRowError[] | undefined;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm">
      <label htmlFor={`${id}-file`} className="flex flex-col">
        <span className="text-slate-600">CSV file</span>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept=".csv,text/csv"
          required
          className="text-sm"
        />
      </label>
      <button disabled={pending} className={BUTTON}>
        {pending ? "Importing…" : "Import"}
      </button>
      {state && state.ok ? (
        <p role="status" className="w-full text-emerald-800">
          Imported: {state.data.created} new, {state.data.updated} updated, {state.data.unchanged}{" "}
          unchanged.
        </p>
      ) : null}
      {state && !state.ok ? (
        <div role="alert" className="w-full text-rose-700">
          <p>{state.error}</p>
          {rowErrors?.length ? (
            <ul className="mt-1 list-disc pl-5" data-testid="import-errors">
              {rowErrors.map((e, i) => (
                <li key={i}>
                  Row {e.row}: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
