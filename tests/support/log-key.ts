import { createPrivateKey } from "node:crypto";

// One fixed Ed25519 log key for every test process (integration workers share databases
// across files, e2e specs start second instances): heads signed by one must verify in the
// others. Built from a fixed 32-byte seed in PKCS#8 form (RFC 8410). Tests only.
const SEED = Buffer.alloc(32, 0x18);
const PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export const TEST_LOG_PRIVATE_KEY = createPrivateKey({
  key: Buffer.concat([PKCS8_PREFIX, SEED]),
  format: "der",
  type: "pkcs8",
})
  .export({ type: "pkcs8", format: "pem" })
  .toString();
