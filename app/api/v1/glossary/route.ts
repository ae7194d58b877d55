import { apiRoute } from "@/lib/api/handler";
import { createGlossaryTerm as create, listGlossary as list } from "@/lib/api/routes/quality";
import { toGlossaryCsv } from "@/lib/formats/glossary-csv";
import { createGlossaryTerm, listGlossary } from "@/lib/server/glossary";

// Glossary export (JSON or CSV with spreadsheet formulas neutralised) and adding a term.
export const GET = apiRoute(list, async ({ query }) => {
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
});

export const POST = apiRoute(create, async ({ body, user, requestId, reply }) =>
  reply(201, await createGlossaryTerm(body, user(), requestId)),
);
