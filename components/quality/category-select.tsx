import { MQM_CATEGORIES } from "@/lib/quality/mqm";

const WITH_SUBS = MQM_CATEGORIES.filter((c) => c.subs.length > 0);
const WITHOUT_SUBS = MQM_CATEGORIES.filter((c) => c.subs.length === 0);

/** The MQM taxonomy as a grouped select; values are canonical "Top" or "Top/Sub". */
export function CategorySelect({
  id,
  name = "category",
  value,
  onChange,
}: {
  id: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <select
      id={id}
      name={name}
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className="rounded border border-slate-300 bg-white px-2 py-1"
    >
      <option value="" disabled>
        Choose a category…
      </option>
      {WITH_SUBS.map((c) => (
        <optgroup key={c.top} label={c.top}>
          <option value={c.top}>{c.top} (general)</option>
          {c.subs.map((sub) => (
            <option key={sub} value={`${c.top}/${sub}`}>
              {sub}
            </option>
          ))}
        </optgroup>
      ))}
      <optgroup label="Other categories">
        {WITHOUT_SUBS.map((c) => (
          <option key={c.top} value={c.top}>
            {c.top}
          </option>
        ))}
      </optgroup>
    </select>
  );
}
