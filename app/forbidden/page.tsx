import type { Metadata } from "next";
import Link from "@/components/link";

export const metadata: Metadata = { title: "No access" };

export default async function ForbiddenPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const need = typeof sp.need === "string" ? sp.need : null;
  return (
    <main className="mx-auto max-w-lg px-4 py-24 text-center">
      <h1 className="mb-2 text-2xl font-semibold">You don’t have access to this page</h1>
      <p className="mb-6 text-slate-600">
        {need ? (
          <>
            It needs the permission <code className="rounded bg-slate-100 px-1">{need}</code>.{" "}
          </>
        ) : null}
        Ask an administrator if you need it.
      </p>
      <Link href="/articles" className="text-blue-700 underline">
        Back to articles
      </Link>
    </main>
  );
}
