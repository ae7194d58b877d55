import { corsPreflight } from "@/lib/api/cors";
import { apiRoute } from "@/lib/api/handler";
import { lookupPublicArticle as lookup } from "@/lib/api/routes/embed";
import { embedKeyFrom, lookupPublicArticle, outletsOfEmbedKey } from "@/lib/server/embed";

// Public, for the embed script on an outlet's page; CORS follows that outlet's allowed origins.
export const GET = apiRoute(lookup, async ({ query }) => lookupPublicArticle(embedKeyFrom(query)), {
  corsOutlet: ({ searchParams }) =>
    outletsOfEmbedKey(embedKeyFrom(Object.fromEntries(searchParams))),
});

export const OPTIONS = corsPreflight(GET);
