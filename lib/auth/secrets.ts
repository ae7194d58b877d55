import { createHash, createHmac, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";

// bcryptjs: pure JavaScript, so no native build or downloaded binary is needed.
const BCRYPT_COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A throwaway hash so a sign-in for an unknown email costs the same as a real one. */
export const DUMMY_PASSWORD_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8d8Ue5bHcLkQdb8.Ehxh6sR7k7u6eG";

export const TOKEN_PREFIX = "glly_";

/** A new API token: shown once, only its SHA-256 is stored. */
export function generateApiToken(): { token: string; prefix: string; hash: string } {
  const token = TOKEN_PREFIX + randomBytes(24).toString("base64url");
  return { token, prefix: token.slice(0, TOKEN_PREFIX.length + 6), hash: hashApiToken(token) };
}

// A fast hash is right here: tokens are 192 random bits, so there is nothing to brute-force.
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Keyed hash of a reader's IP: rate limits work without ever storing the address. */
export function hashIp(ip: string, salt: string): string {
  return createHmac("sha256", salt).update(ip).digest("hex");
}

export function generatePassword(): string {
  return randomBytes(12).toString("base64url");
}
