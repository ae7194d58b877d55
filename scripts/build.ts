// `npm run build`: generate the Prisma client and build the app (skipped when
// the sources have not changed since the last build, unless --force).
import { ensureBuild, ensurePrismaClient } from "./build-stamp";

await ensurePrismaClient();
await ensureBuild({ force: process.argv.includes("--force") });
