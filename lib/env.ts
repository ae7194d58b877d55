import proxyaddr from "proxy-addr";
import { z } from "zod";
import { mqmWeightsSchema } from "@/lib/quality/mqm";
import { issuesMessage } from "@/lib/validation/issues";
import { isTimeZone } from "@/lib/format-time";

// The one place that reads process.env. Everything is validated here so a bad
// value fails at start with a message naming the variable.
const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

/** An env var holding JSON, parsed then validated by `schema`. */
const jsonVar = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);

/** Extra literalism rules for the QA checks: [{ "pattern": "regex", "flags"?: "i", "message": "…" }]. */
const literalismPatternsSchema = z
  .array(
    z.object({
      pattern: z
        .string()
        .min(1)
        .max(500)
        .refine((p) => {
          try {
            new RegExp(p, "u");
            return true;
          } catch {
            return false;
          }
        }, "is not a valid regular expression"),
      flags: z
        .string()
        .regex(/^[imsu]*$/, "may only use the flags i, m, s, u")
        .optional(),
      message: z.string().min(1).max(500),
    }),
  )
  .max(100);

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  /** Set by scripts/start.ts: "embedded" when it runs the embedded PostgreSQL. */
  GALLEY_DATABASE_MODE: z.enum(["embedded", "postgres"]).optional(),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  GALLEY_DATA_DIR: z.string().default(".galley"),
  GALLEY_DEMO: flag,
  GALLEY_FOOTER_PATTERNS: z.string().optional(),
  GALLEY_PUBLIC_SHOWS_UNREVIEWED: flag,
  /** IANA zone for every date shown (workbench users may choose their own on /account). */
  GALLEY_TIME_ZONE: z
    .string()
    .trim()
    .default("UTC")
    .refine(isTimeZone, "must be an IANA time zone name such as UTC or Asia/Seoul"),
  GALLEY_IP_HASH_SALT: z.string().optional(),
  /** Reverse proxies in front of Galley: a hop count or a comma list of addresses/CIDRs (lib/api/client-ip.ts). */
  GALLEY_TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine((v) => {
      const value = v?.trim() ?? "";
      if (value === "" || /^\d+$/.test(value)) return true;
      try {
        proxyaddr.compile(value.split(",").map((s) => s.trim()));
        return true;
      } catch {
        return false;
      }
    }, "must be a hop count (e.g. 1) or a comma-separated list of IP addresses/CIDRs (e.g. 10.0.0.0/8, loopback)"),
  GALLEY_FEEDBACK_LIMIT_PER_READER: z.coerce.number().int().positive().default(10),
  GALLEY_FEEDBACK_LIMIT_PER_ARTICLE: z.coerce.number().int().positive().default(200),
  GALLEY_FEEDBACK_WINDOW_SECONDS: z.coerce.number().int().positive().default(3600),
  GALLEY_LOGIN_LIMIT: z.coerce.number().int().positive().default(10),
  GALLEY_LOGIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
  GALLEY_DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
  /** `1` enables /api/bench/* (the benchmarks' baseline routes); never set it in production. */
  GALLEY_BENCH_ROUTES: flag,
  /** MQM weights as JSON (the full shape of DEFAULT_MQM_WEIGHTS); default: Freitag et al. 2021. */
  GALLEY_MQM_WEIGHTS: jsonVar(mqmWeightsSchema).optional(),
  GALLEY_LITERALISM_PATTERNS: jsonVar(literalismPatternsSchema).optional(),
  /** `1` lets webhooks and chat notifications reach private and loopback addresses (tests). */
  GALLEY_WEBHOOK_ALLOW_PRIVATE: flag,
  /** SMTP server for reader emails, e.g. smtp://user:pass@mail.example:587; unset = none sent. */
  GALLEY_SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), "must be an smtp:// or smtps:// URL")
    .optional(),
  /** From address of reader emails. */
  GALLEY_SMTP_FROM: z.string().trim().min(3).default("Galley <galley@localhost>"),
  /** Multiplies the job queue's retry delays; tests shrink the 27-hour schedule with e.g. 0.001. */
  GALLEY_JOB_RETRY_SCALE: z.coerce.number().positive().max(1).default(1),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${issuesMessage(parsed.error.issues)}`);
  }
  cached = parsed.data;
  return cached;
}

/** The database URL the app must use; throws with the variable name when absent. */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  return url;
}

export function databaseMode(): "embedded" | "postgres" {
  return env().GALLEY_DATABASE_MODE ?? "postgres";
}

/** Secret for sessions, and the default key for IP hashing. */
export function authSecret(): string {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return secret;
}

/** Reset the cache (tests change process.env between cases). */
export function resetEnvCache(): void {
  cached = undefined;
}
