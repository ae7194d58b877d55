import { existsSync } from "node:fs";

// Reliability tests run the production build as separate processes.
export default function setup() {
  const dist = process.env.GALLEY_DIST_DIR ?? ".next";
  if (!existsSync(`${dist}/BUILD_ID`)) {
    throw new Error(
      `No production build in ${dist}/. Run \`npm run build\` first (npm test does).`,
    );
  }
}
