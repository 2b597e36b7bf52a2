// Fails when src/schema.d.ts is not what openapi-typescript makes of openapi.json today: the committed
// types must be generated from the committed document (`npm run generate`).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "wellbase-sdk-"));
try {
  const fresh = join(dir, "schema.d.ts");
  execFileSync("npx", ["openapi-typescript", "openapi.json", "--output", fresh, "--silent"], { stdio: "inherit" });
  if (readFileSync(fresh, "utf8") !== readFileSync("src/schema.d.ts", "utf8")) {
    console.error("src/schema.d.ts is not generated from openapi.json: run `npm run generate` and commit it");
    process.exit(1);
  }
  console.log("sdk: src/schema.d.ts matches openapi.json");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
