import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePageActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { loadWorkspace } from "@/lib/server/workspace";
import { Workspace } from "@/components/workspace/workspace";

export const metadata: Metadata = { title: "Review" };

const paramsSchema = z.object({ id: z.string().min(1).max(64) });
const searchSchema = z.object({ feedback: z.string().min(1).max(64).optional() });

export default async function ArticleWorkspacePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = paramsSchema.parse(await params);
  const actor = await requirePageActor("read:article", `/articles/${id}`);
  const sp = searchSchema.safeParse(await searchParams);
  let data;
  try {
    data = await loadWorkspace(id, actor, sp.success ? sp.data.feedback : undefined);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
  return <Workspace data={data} />;
}
