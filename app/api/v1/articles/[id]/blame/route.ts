import { apiRoute } from "@/lib/api/handler";
import { blameQuerySchema } from "@/lib/api/schemas/history";
import { blame } from "@/lib/server/history";

// Per segment, the revision, author and time of its last change.
export const GET = apiRoute<{ id: string }, undefined, typeof blameQuerySchema>(
  { permission: "read:article", query: blameQuerySchema },
  async ({ params, query }) => blame(params.id, query.at),
);
