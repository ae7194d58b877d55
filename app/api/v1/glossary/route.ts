import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { glossaryQuerySchema } from "@/lib/api/schemas/quality";
import { toGlossaryCsv } from "@/lib/formats/glossary-csv";
import { createGlossaryTerm, listGlossary } from "@/lib/server/glossary";
import { glossaryTermSchema } from "@/lib/validation/glossary";

// Glossary export (JSON or CSV with spreadsheet formulas neutralised) and adding a term.
export const GET = apiRoute<Record<string, never>, undefined, typeof glossaryQuerySchema>(
  { permission: "read:article", query: glossaryQuerySchema },
  async ({ query }) => {
    const { items, truncated } = await listGlossary(query);
    if (query.format === "csv") {
      const pair = [query.sourceLang, query.targetLang].filter(Boolean).join("-");
      return new Response(toGlossaryCsv(items), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="glossary${pair ? `-${pair.replace(/[^\w-]/g, "")}` : ""}.csv"`,
          "cache-control": "no-store",
        },
      });
    }
    return { items, truncated };
  },
);

export const POST = apiRoute<Record<string, never>, typeof glossaryTermSchema>(
  { permission: "manage:glossary", body: glossaryTermSchema },
  async ({ body, user, requestId }) => json(await createGlossaryTerm(body, user(), requestId), 201),
);
