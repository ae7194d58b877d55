// Prepares a database for the concurrent-identity test, in one process so the
// test does not pay a CLI start-up per user: migrates, then creates N users per
// role, an API token for each, and one article per writer. Prints JSON.
// Run with DATABASE_URL set: node --import tsx tests/support/identity-callers.ts N
import { migrate } from "@/lib/db/migrate";
import type { Role } from "@/lib/auth/policy";

const perRole = Number(process.argv[2] ?? 3);
const ROLES: Role[] = ["ADMIN", "EDITOR", "REVIEWER", "VIEWER"];

async function main(): Promise<void> {
  await migrate(process.env.DATABASE_URL!);
  process.env.NEXTAUTH_SECRET ??= "identity-fixture-does-not-sign-0000";
  const { createUser } = await import("@/lib/server/users");
  const { createApiToken } = await import("@/lib/server/api-tokens");
  const { ingestArticle } = await import("@/lib/server/ingest");
  const { articleInput } = await import("../integration/factories");
  const { db } = await import("@/lib/db");
  const system = { type: "SYSTEM" as const, label: "identity-fixture" };
  const callers = [];
  for (const role of ROLES) {
    for (let i = 0; i < perRole; i++) {
      const email = `${role.toLowerCase()}${i}-${process.pid}@identity.test`;
      const user = await createUser({ email, role, password: "identity-pass-1" }, system);
      const token = await createApiToken({ userId: user.id, name: "identity" }, system);
      const article =
        role === "VIEWER"
          ? null
          : (
              await ingestArticle(articleInput({ externalId: `identity-${email}` }), {
                type: "USER",
                userId: user.id,
                tokenId: null,
                email: user.email,
                name: user.name,
                role: user.role,
              })
            ).article.id;
      callers.push({
        email,
        role,
        userId: user.id,
        tokenId: token.id,
        token: token.token,
        article,
      });
    }
  }
  await db().$disconnect();
  console.log(JSON.stringify(callers));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
