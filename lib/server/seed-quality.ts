// Demo MQM annotations, so the dashboard has errors for both demo engines: the Nova MT
// article's fixed errors (on the MT, resolved) and the Lumen LLM article's open ones.
// Idempotent: an article that already has annotations is left alone.
import "server-only";

import type { UserActor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { AnnotationStatus, AnnotationTarget } from "@/lib/quality/dto";
import { createAnnotation, resolveAnnotation } from "./annotations";
import { getArticleView } from "./articles";

interface DemoAnnotation {
  segmentIndex: number;
  target: AnnotationTarget;
  quote: string;
  category: string;
  severity: string;
  note: string;
  status?: AnnotationStatus;
}

const DEMO_ANNOTATIONS: Record<string, DemoAnnotation[]> = {
  "demo-2026-1101": [
    {
      segmentIndex: 1,
      target: "MT",
      quote: "10 billion won",
      category: "Accuracy/Mistranslation",
      severity: "major",
      note: "10조 원 is 10 trillion won.",
      status: "RESOLVED",
    },
    {
      segmentIndex: 3,
      target: "MT",
      quote: "small and medium-sized partner companies",
      category: "Accuracy/Omission",
      severity: "major",
      note: "The number of companies (1,200) is missing.",
      status: "RESOLVED",
    },
    {
      segmentIndex: 5,
      target: "MT",
      quote: "Lee Jae-myeong",
      category: "Fluency/Inconsistency",
      severity: "minor",
      note: "Spelled Lee Jae-myung elsewhere (glossary).",
      status: "RESOLVED",
    },
    {
      segmentIndex: 4,
      target: "TEXT",
      quote: "this fund is a minimum response",
      category: "Style",
      severity: "minor",
      note: "Literal; consider “the bare minimum”.",
    },
  ],
  "demo-2026-1102": [
    {
      segmentIndex: 0,
      target: "TEXT",
      quote: "Uncle on father's side",
      category: "Accuracy/Mistranslation",
      severity: "major",
      note: "외삼촌 is the mother's brother (maternal uncle).",
    },
    {
      segmentIndex: 1,
      target: "TEXT",
      quote: "An uncle on his father's side",
      category: "Accuracy/Mistranslation",
      severity: "major",
      note: "외삼촌 is the mother's brother (maternal uncle).",
    },
    {
      segmentIndex: 2,
      target: "TEXT",
      quote: "on the 12th (local time)",
      category: "Style",
      severity: "minor",
      note: "Name the day: “on Thursday”.",
    },
    {
      segmentIndex: 3,
      target: "TEXT",
      quote: "her older sister",
      category: "Accuracy/Mistranslation",
      severity: "major",
      note: "오빠 here is her older brother (the uncle).",
    },
  ],
};

export async function seedDemoAnnotations(
  articleIds: ReadonlyMap<string, string>,
  reviewer: UserActor,
): Promise<number> {
  let created = 0;
  for (const [externalId, annotations] of Object.entries(DEMO_ANNOTATIONS)) {
    const articleId = articleIds.get(externalId);
    if (!articleId || (await db().annotation.count({ where: { articleId } })) > 0) continue;
    const view = await getArticleView(articleId);
    for (const a of annotations) {
      const segment = view.segments.find((s) => s.index === a.segmentIndex);
      const text = a.target === "MT" ? segment?.mt : segment?.text;
      const start = text?.indexOf(a.quote) ?? -1;
      if (start < 0) continue; // demo text changed; skip rather than fail the seed
      const ann = await createAnnotation(
        { ...a, articleId, start, end: start + a.quote.length },
        reviewer,
      );
      if (a.status) await resolveAnnotation(articleId, ann.id, a.status, reviewer);
      created++;
    }
  }
  return created;
}
