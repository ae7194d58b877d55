import Link from "@/components/link";

type Tab = "history" | "blame" | "compare";

const TABS: { tab: Tab; label: string; path: string }[] = [
  { tab: "history", label: "History", path: "/history" },
  { tab: "blame", label: "Blame", path: "/history/blame" },
];

/** Title, a way back to the workspace, and the history / blame tabs. */
export function HistoryNav(props: { articleId: string; title: string; current: Tab }) {
  return (
    <div className="mb-4">
      <p className="text-sm text-slate-600">
        <Link href="/articles" className="hover:underline">
          Articles
        </Link>{" "}
        /{" "}
        <Link href={`/articles/${props.articleId}`} className="hover:underline">
          {props.title}
        </Link>
      </p>
      <nav aria-label="Article history" className="mt-2 flex gap-1 border-b border-slate-200">
        {TABS.map((t) => (
          <Link
            key={t.tab}
            href={`/articles/${props.articleId}${t.path}`}
            aria-current={props.current === t.tab ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${
              props.current === t.tab
                ? "border-slate-900 font-medium text-slate-900"
                : "border-transparent text-slate-600 hover:text-slate-900"
            }`}
          >
            {t.label}
          </Link>
        ))}
        {props.current === "compare" ? (
          <span
            aria-current="page"
            className="-mb-px border-b-2 border-slate-900 px-3 py-1.5 text-sm font-medium"
          >
            Compare
          </span>
        ) : null}
      </nav>
    </div>
  );
}
