import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listApprovedNames } from "@/lib/server/approved-names";
import { listQaRules } from "@/lib/server/qa-rules";
import { ApprovedNameList } from "@/components/intel/approved-name-list";
import { QaRuleManager } from "@/components/intel/qa-rule-manager";

export const metadata: Metadata = { title: "QA rules" };

export default async function QaRulesPage() {
  await requirePageActor("manage:qa-rules", "/qa-rules");
  const [rules, names] = await Promise.all([listQaRules(), listApprovedNames()]);
  return (
    <div className="space-y-8">
      <section>
        <h1 className="mb-1 text-2xl font-semibold">QA rules</h1>
        <p className="mb-4 text-sm text-slate-600">
          Your newsroom&apos;s own checks. Each flags matching MT text in every article of its
          language pair and engine; reviewers can dismiss a false positive per segment.
        </p>
        <QaRuleManager initial={rules} />
      </section>
      <section>
        <h2 className="mb-1 text-xl font-semibold">Approved names</h2>
        <p className="mb-4 text-sm text-slate-600">
          Spellings reviewers chose with &ldquo;use this spelling everywhere&rdquo;. Other variants
          in any article get a warning with a one-click replace.
        </p>
        <ApprovedNameList initial={names} />
      </section>
    </div>
  );
}
