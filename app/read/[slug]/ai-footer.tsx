// The AI-disclosure footer. Its text follows the article's review state (lib/domain/disclosure.ts:
// translated → reviewed on <date> → corrected on <date>: <note>, per outlet and language), the
// same line the embed shows on the outlet's page and the lookup API returns. Its "Share your
// feedback here" phrase becomes the link that opens the feedback form; in a language without
// that invitation the whole notice links there, and an explicit link follows. Plain anchors to
// #feedback: with JavaScript off, CSS :target opens the form.
import { FEEDBACK_INVITATION, type Disclosure } from "@/lib/domain/disclosure";

const FEEDBACK_PHRASE = /share your feedback here/i;

const linkClass =
  "font-medium text-blue-800 underline decoration-blue-800/40 underline-offset-2 hover:decoration-blue-800";

function FeedbackLink({ children }: { children: React.ReactNode }) {
  return (
    <a href="#feedback" data-feedback-open className={linkClass}>
      {children}
    </a>
  );
}

export function AiFooterNotice({
  disclosure,
  engine,
  reviewed,
}: {
  disclosure: Pick<Disclosure, "text" | "lang" | "state">;
  engine: string;
  reviewed: boolean;
}) {
  const invitation = FEEDBACK_INVITATION[disclosure.lang.split("-")[0]!.toLowerCase()];
  const text = invitation ? `${disclosure.text} ${invitation}` : disclosure.text;
  const match = FEEDBACK_PHRASE.exec(text);
  return (
    <div className="space-y-2">
      <p lang={disclosure.lang} data-testid="ai-footer" data-state={disclosure.state}>
        {match ? (
          <>
            {text.slice(0, match.index)}
            <FeedbackLink>{match[0]}</FeedbackLink>
            {text.slice(match.index + match[0].length)}
          </>
        ) : (
          <FeedbackLink>{text}</FeedbackLink>
        )}
      </p>
      <p className="text-sm text-slate-600">
        Machine translation by {engine}
        {reviewed ? ", reviewed by our editors." : ", not yet reviewed by our editors."}
        {match ? null : (
          <>
            {" "}
            <FeedbackLink>Share your feedback on this translation</FeedbackLink>
          </>
        )}
      </p>
    </div>
  );
}
