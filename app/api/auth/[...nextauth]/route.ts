import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth";

type Handler = (
  req: Request,
  ctx: { params: Promise<{ nextauth: string[] }> },
) => Promise<Response>;

// Options are built per request so the secret is read at run time, not build time.
const handler: Handler = (req, ctx) => (NextAuth(authOptions()) as unknown as Handler)(req, ctx);

export { handler as GET, handler as POST };
