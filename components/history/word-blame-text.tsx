import type { BlamePiece } from "@/lib/text/word-blame";

const TINTS = [
  "bg-sky-100",
  "bg-amber-100",
  "bg-emerald-100",
  "bg-violet-100",
  "bg-rose-100",
  "bg-lime-100",
];

/**
 * A segment's text with each run of words tinted by the revision that introduced it; the
 * revision and author show on hover and are listed below for keyboard and screen readers.
 */
export function WordBlameText({
  pieces,
  lang,
}: {
  pieces: BlamePiece<{ name: string }>[];
  lang: string;
}) {
  const revisions = [...new Map(pieces.map((p) => [p.revision, p.author.name])).entries()].sort(
    (a, b) => a[0] - b[0],
  );
  const tint = (revision: number) =>
    revision === 1 ? "" : TINTS[revisions.findIndex(([r]) => r === revision) % TINTS.length];
  return (
    <div>
      <p lang={lang} className="whitespace-pre-wrap" data-testid="word-blame">
        {pieces.map((p, i) => (
          <span
            key={i}
            className={`rounded-sm ${tint(p.revision)}`}
            title={`r${p.revision} · ${p.author.name}`}
            data-revision={p.revision}
          >
            {p.text}
          </span>
        ))}
      </p>
      {revisions.length > 1 ? (
        <ul className="mt-1 flex flex-wrap gap-2 text-xs text-slate-600" aria-label="Words by">
          {revisions.map(([r, name]) => (
            <li key={r}>
              <span className={`rounded-sm px-1 ${tint(r) || "border border-slate-200"}`}>
                r{r}
              </span>{" "}
              {name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
