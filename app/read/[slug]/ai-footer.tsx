// The AI-disclosure footer. Its "Share your feedback here" phrase becomes the
// link that opens the feedback form; without the phrase the whole notice links
// there, and an explicit link follows. Plain anchors to #feedback: with
// JavaScript off, CSS :target opens the form.

const FEEDBACK_PHRASE = /share your feedback here/i;

const DEFAULT_NOTICE: Record<string, string> = {
  en: "※ This article has been translated by AI. Share your feedback here.",
  ko: "※ 이 기사는 AI로 번역되었습니다.",
};

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
  footer,
  targetLang,
  engine,
  reviewed,
}: {
  footer: string | null;
  targetLang: string;
  engine: string;
  reviewed: boolean;
}) {
  const lang = targetLang.split("-")[0]!.toLowerCase();
  const text = footer ?? DEFAULT_NOTICE[lang] ?? DEFAULT_NOTICE.en!;
  const textLang = footer || DEFAULT_NOTICE[lang] ? targetLang : "en";
  const match = FEEDBACK_PHRASE.exec(text);
  return (
    <div className="space-y-2">
      <p lang={textLang} data-testid="ai-footer">
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
