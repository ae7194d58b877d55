import { redirect } from "next/navigation";

// Dynamic so the redirect is an HTTP 307 at request time (and carries the CSP nonce).
export const dynamic = "force-dynamic";

export default function Home() {
  redirect("/articles");
}
