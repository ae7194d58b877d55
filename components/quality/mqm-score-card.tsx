import type { ArticleQualityDto } from "@/lib/quality/dto";
import { MQM_SEVERITIES } from "@/lib/quality/mqm";
import { formatChrf, formatHter } from "./metric-format";

const fmt = (n: number, digits = 1) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * The article's MQM score and edit effort, with the weights that produced it. Works as a
 * server or client component (no hooks).
 */
export function MqmScoreCard({ score }: { score: ArticleQualityDto }) {
  const { mqm } = score;
  return (
    <section
      aria-labelledby="mqm-card-h"
      className="rounded border border-slate-200 bg-white p-3 text-sm"
      data-testid="mqm-score-card"
    >
      <h2 id="mqm-card-h" className="font-semibold">
        Quality at revision {score.revision}
      </h2>
      <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1">
        <dt className="text-slate-600">MQM penalty</dt>
        <dd data-testid="mqm-penalty">
          {fmt(mqm.penalty)} ({mqm.count} error{mqm.count === 1 ? "" : "s"})
        </dd>
        <dt className="text-slate-600">per 1,000 words</dt>
        <dd data-testid="mqm-per-1000">{fmt(mqm.per1000Words)}</dd>
        <dt className="text-slate-600" title="Translation edit rate of the MT against this text">
          HTER
        </dt>
        <dd data-testid="hter">{formatHter(score.hter)}</dd>
        <dt className="text-slate-600">chrF</dt>
        <dd data-testid="chrf">{formatChrf(score.chrf)}</dd>
        <dt className="text-slate-600">Segments edited</dt>
        <dd>{fmt(score.editedShare * 100, 0)}%</dd>
      </dl>
      <details className="mt-2 text-xs text-slate-700">
        <summary className="cursor-pointer">How is this calculated?</summary>
        <p className="mt-1">
          Each annotation not rejected adds its severity weight; the sum is the penalty (lower is
          better). Per 1,000 words = penalty ÷ {score.wordCount.toLocaleString("en-US")} words ×
          1,000. HTER is the share of words a reviewer had to insert, delete, substitute or move to
          turn the MT into this text, as a percentage of the text’s words (0% = untouched; it can
          pass 100% for a rewrite); chrF is character-level similarity of the two on a 0–100 scale
          (100 = identical).
        </p>
        <table className="mt-1">
          <caption className="sr-only">MQM weights</caption>
          <tbody>
            {MQM_SEVERITIES.map((s) => (
              <tr key={s}>
                <th scope="row" className="pr-2 text-left font-normal">
                  {s}
                </th>
                <td>{mqm.weights.severity[s]}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className="pr-2 text-left font-normal">
                Non-translation
              </th>
              <td>{mqm.weights.nonTranslation}</td>
            </tr>
            <tr>
              <th scope="row" className="pr-2 text-left font-normal">
                minor Fluency/Punctuation
              </th>
              <td>{mqm.weights.minorPunctuation}</td>
            </tr>
          </tbody>
        </table>
      </details>
    </section>
  );
}
