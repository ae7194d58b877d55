import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { sessionActor } from "@/lib/auth/session";
import { AppHeader } from "@/components/app-header";

// Every workbench page needs a session; each page still checks its own permission.
export const dynamic = "force-dynamic";

export default async function WorkbenchLayout({ children }: { children: ReactNode }) {
  const actor = await sessionActor();
  if (!actor) redirect("/signin");
  return (
    <>
      <AppHeader actor={actor} />
      <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
    </>
  );
}
