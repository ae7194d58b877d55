import { createReadStream } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import type { Actor } from "@/lib/auth/policy";
import { isRole, ROLES, userActor } from "@/lib/auth/policy";
import { generatePassword } from "@/lib/auth/secrets";
import { withDatabase } from "./context";
import { ProgressBar } from "./progress";

type Values = Record<string, string | boolean | undefined>;
interface Command {
  usage: string;
  summary: string;
  options: Record<string, { type: "string" | "boolean"; short?: string }>;
  positionals: number;
  run(values: Values, positionals: string[]): Promise<number>;
}

const CLI_ACTOR: Actor = { type: "SYSTEM", label: "cli" };

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function fail(message: string, usageLine: string): number {
  process.stderr.write(`${message}\nUsage: npm run galley -- ${usageLine}\n`);
  return 2;
}

export const commands: Record<string, Command> = {
  migrate: {
    usage: "",
    summary: "apply pending database migrations",
    options: {},
    positionals: 0,
    run: () =>
      withDatabase(
        async (d) => {
          const { migrate } = await import("@/lib/db/migrate");
          const res = await migrate(d.url, undefined, (l) => console.log(l));
          console.log(
            `database (${d.mode}) is up to date: ${res.applied.length} applied, ${res.alreadyApplied} already applied`,
          );
          return 0;
        },
        { migrate: false },
      ),
  },
  seed: {
    usage: "",
    summary: "add the demo users and articles (idempotent)",
    options: {},
    positionals: 0,
    run: () =>
      withDatabase(async () => {
        const { seedDemo } = await import("@/lib/server/seed");
        await seedDemo((l) => console.log(l));
        return 0;
      }),
  },
  "refresh-risk": {
    usage: "",
    summary: "recompute every article's stored risk score (after glossary or QA rule changes)",
    options: {},
    positionals: 0,
    run: () =>
      withDatabase(async () => {
        const { refreshAllRisk } = await import("@/lib/server/risk");
        const n = await refreshAllRisk();
        console.log(`risk recomputed for ${n} articles`);
        return 0;
      }),
  },
  "user:create": {
    usage:
      "--email E --role ADMIN|EDITOR|REVIEWER|VIEWER [--name N]   (password from stdin, or generated)",
    summary: "create a user",
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
    positionals: 0,
    async run(v) {
      const usage = commands["user:create"]!.usage;
      const email = typeof v.email === "string" ? v.email.trim() : "";
      const role = typeof v.role === "string" ? v.role.toUpperCase() : "";
      if (!/^[^@\s]+@[^@\s]+$/.test(email)) return fail("--email must be an email address", usage);
      if (!isRole(role)) return fail(`--role must be one of ${ROLES.join(", ")}`, usage);
      const fromStdin = (await readStdin()).split("\n")[0]?.trim() ?? "";
      if (fromStdin && fromStdin.length < 8)
        return fail("The password must be at least 8 characters", usage);
      const password = fromStdin || generatePassword();
      return withDatabase(async () => {
        const { createUser } = await import("@/lib/server/users");
        const user = await createUser(
          { email, role, password, name: typeof v.name === "string" ? v.name : undefined },
          CLI_ACTOR,
        );
        console.log(`created ${user.email} (${user.role})`);
        if (!fromStdin) console.log(`password: ${password}`);
        return 0;
      });
    },
  },
  "token:create": {
    usage: "--email E [--name N]",
    summary: "create an API token for a user; the token is printed once, on the last line",
    options: { email: { type: "string" }, name: { type: "string" } },
    positionals: 0,
    async run(v) {
      const email = typeof v.email === "string" ? v.email.trim().toLowerCase() : "";
      if (!email) return fail("--email is required", commands["token:create"]!.usage);
      return withDatabase(async () => {
        const { findUserByEmail } = await import("@/lib/server/users");
        const { createApiToken } = await import("@/lib/server/api-tokens");
        const user = await findUserByEmail(email);
        if (!user) {
          process.stderr.write(`No user with email ${email}\n`);
          return 1;
        }
        const name =
          typeof v.name === "string" ? v.name : `cli ${new Date().toISOString().slice(0, 10)}`;
        const token = await createApiToken({ userId: user.id, name }, CLI_ACTOR);
        console.log(
          `token "${name}" for ${email} (${user.role}); store it now, it is not shown again:`,
        );
        console.log(token.token);
        return 0;
      });
    },
  },
  import: {
    usage: "FILE.ndjson | FILE.json   [--as EMAIL]",
    summary: "import articles: NDJSON (one article per line) or a Galley JSON export (.json)",
    options: { as: { type: "string" } },
    positionals: 1,
    async run(v, [file]) {
      const size = await stat(file!).catch(() => null);
      if (!size?.isFile()) return fail(`No such file: ${file}`, `import ${commands.import!.usage}`);
      if (file!.toLowerCase().endsWith(".json")) {
        return importDocumentFile(file!, typeof v.as === "string" ? v.as : undefined);
      }
      return withDatabase(async () => {
        const { importNdjsonLines } = await import("@/lib/server/bulk-import");
        const { ndjsonLines } = await import("@/lib/ingest/ndjson");
        const { INGEST_LIMITS } = await import("@/lib/ingest/schema");
        const actor = await importActor(typeof v.as === "string" ? v.as : undefined);
        if (!actor) return 1;
        const lines = ndjsonLines(createReadStream(file!), {
          maxLineBytes: INGEST_LIMITS.maxBodyBytes,
        });
        const bar = new ProgressBar(size.size);
        const summary = await importNdjsonLines(lines, actor, {
          onLine: (_res, bytes) => bar.tick(bytes),
        });
        bar.done();
        for (const r of summary.results) {
          if (r.status === "error") console.log(`line ${r.line}: ${r.message}`);
        }
        console.log(
          `imported: ${summary.created} created, ${summary.existing} already present, ${summary.errors} errors`,
        );
        return summary.errors > 0 ? 1 : 0;
      });
    },
  },
  export: {
    usage: "ARTICLE_ID [--format json|xliff|xliff12|tmx|md|html] [--out FILE]",
    summary: "export one article (default: Galley JSON with its full history) to stdout or FILE",
    options: { format: { type: "string" }, out: { type: "string" } },
    positionals: 1,
    async run(v, [id]) {
      const { EXPORT_FORMATS } = await import("@/lib/formats/export-formats");
      const format = typeof v.format === "string" ? v.format : "json";
      const known = (EXPORT_FORMATS as readonly string[]).includes(format);
      if (!known) {
        return fail(
          `--format must be one of ${EXPORT_FORMATS.join(", ")}`,
          `export ${commands.export!.usage}`,
        );
      }
      return withDatabase(async () => {
        const { exportArticle } = await import("@/lib/server/export-formats");
        const file = await exportArticle(id!, format as (typeof EXPORT_FORMATS)[number]);
        if (typeof v.out === "string") {
          await writeFile(v.out, file.body);
          console.log(`wrote ${v.out} (${file.contentType})`);
        } else {
          process.stdout.write(file.body);
        }
        return 0;
      });
    },
  },
  "audit:verify": {
    usage: "[--against STH.json]",
    summary:
      "check every audit leaf, every signed tree head and their consistency (ADR 015), and the old hash chain; --against: a head saved earlier",
    options: { against: { type: "string" } },
    positionals: 0,
    run: async (v) => {
      let saved: unknown;
      if (typeof v.against === "string") {
        try {
          saved = JSON.parse(await readFile(v.against, "utf8"));
        } catch (err) {
          process.stderr.write(`${v.against}: ${(err as Error).message}\n`);
          return 2;
        }
      }
      return withDatabase(async () => {
        const { verifyAgainstSavedHead, verifyAuditLog } =
          await import("@/lib/server/audit-verify");
        const { signedTreeHeadSchema } = await import("@/lib/api/routes/log");
        let res;
        if (saved === undefined) {
          res = await verifyAuditLog();
        } else {
          const head = signedTreeHeadSchema.safeParse(saved);
          if (!head.success) {
            process.stderr.write(
              `${String(v.against)} is not a signed tree head ({ treeSize, rootHash, timestamp, signature })\n`,
            );
            return 2;
          }
          res = await verifyAgainstSavedHead(head.data);
        }
        console.log(JSON.stringify(res));
        if (!res.ok) process.stderr.write(`audit log verification failed: ${res.failure}\n`);
        return res.ok ? 0 : 1;
      });
    },
  },
  "audit:seal": {
    usage: "",
    summary:
      "seal committed audit events into the Merkle tree and sign a tree head (app instances do this every second)",
    options: {},
    positionals: 0,
    run: () =>
      withDatabase(async () => {
        const { sealAuditLog } = await import("@/lib/server/audit-sealer");
        const res = await sealAuditLog();
        console.log(JSON.stringify(res));
        if (res.status === "no-key") process.stderr.write(`${res.reason}\n`);
        return res.status === "sealed" ? 0 : 1;
      }),
  },
};

/** A Galley JSON export (.json): the article with its whole history, in one transaction. */
async function importDocumentFile(file: string, as?: string): Promise<number> {
  const { galleyArticleDocumentSchema, looksLikeGalleyDocument } =
    await import("@/lib/formats/galley-json");
  const { issueMessage } = await import("@/lib/validation/issues");
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (err) {
    process.stderr.write(`${file} is not valid JSON: ${(err as Error).message}\n`);
    return 1;
  }
  if (!looksLikeGalleyDocument(parsed)) {
    process.stderr.write(
      `${file} is not a Galley article export (no "format": "galley-article"); NDJSON files to ingest should end in .ndjson or .jsonl\n`,
    );
    return 1;
  }
  const doc = galleyArticleDocumentSchema.safeParse(parsed);
  if (!doc.success) {
    for (const i of doc.error.issues.slice(0, 20)) {
      process.stderr.write(`${issueMessage(i, "(root)")}\n`);
    }
    return 1;
  }
  return withDatabase(async () => {
    const { importArticleDocument } = await import("@/lib/server/import-article");
    const { AppError } = await import("@/lib/errors");
    const actor = await importActor(as);
    if (!actor) return 1;
    try {
      const res = await importArticleDocument(doc.data, actor);
      console.log(`imported article ${res.id} (${res.slug}) at revision ${res.revision}`);
      if (res.createdUsers.length > 0) {
        console.log(`created disabled users: ${res.createdUsers.join(", ")}`);
      }
      return 0;
    } catch (err) {
      if (err instanceof AppError) {
        process.stderr.write(`${err.message}\n`);
        return 1;
      }
      throw err;
    }
  });
}

async function importActor(email?: string): Promise<Actor | null> {
  if (!email) return CLI_ACTOR;
  const { findUserByEmail } = await import("@/lib/server/users");
  const user = await findUserByEmail(email);
  if (!user) {
    process.stderr.write(`No user with email ${email}\n`);
    return null;
  }
  return userActor(user);
}

export function usage(): string {
  const lines = Object.entries(commands).map(
    ([name, c]) => `  ${(name + " " + c.usage).padEnd(60)}  ${c.summary}`,
  );
  return `Galley ops CLI\n\nUsage: npm run galley -- <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nWith DATABASE_URL unset, commands use the embedded database in .galley/ (or the running server's).\n`;
}
