import type { Metadata } from "next";
import { can } from "@/lib/auth/policy";
import { sessionActor } from "@/lib/auth/session";
import { articleTabTitle } from "@/lib/server/page-title";

/**
 * "Review · Seoul to open… · Galley": the page and the article in the tab. The article's title is
 * told only to someone allowed to read it; others see the page name alone.
 */
export function articleMetadata(page: string) {
  return async function generateMetadata(props: {
    params: Promise<{ id: string }>;
  }): Promise<Metadata> {
    const { id } = await props.params;
    if (!can(await sessionActor(), "read:article")) return { title: page };
    const title = await articleTabTitle(id);
    return { title: title ? `${page} · ${title}` : page };
  };
}
