import { ensurePrismaClient } from "./build-stamp";
await ensurePrismaClient();
