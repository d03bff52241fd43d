// The folder boundaries in eslint.config.mjs, checked on code that breaks them: a rule that stopped
// firing (a renamed folder, a changed glob) would otherwise pass in silence.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const eslint = new ESLint({ cwd: root });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

// The first test loads ESLint and its plugins: seconds on a busy machine, well past vitest's default 5 s.
describe("folder boundaries", { timeout: 60_000 }, () => {
  it("refuses a page or layout that imports the database client", async () => {
    expect(
      await restricted("app/example/page.tsx", 'import { db } from "@/lib/db";\nexport default function P() { return String(db); }\n'),
    ).toHaveLength(1);
    expect(
      await restricted("app/layout.tsx", 'import { db } from "@/lib/db";\nexport default function L() { return String(db); }\n'),
    ).toHaveLength(1);
  });
  it("lets a route handler and lib/ use the database client", async () => {
    expect(await restricted("app/api/example/route.ts", 'import { db } from "@/lib/db";\nexport const x = db;\n')).toEqual([]);
    expect(await restricted("lib/example.ts", 'import { db } from "@/lib/db";\nexport const x = db;\n')).toEqual([]);
  });
  it("refuses lib/ and components/ importing from app/", async () => {
    expect(await restricted("lib/example.ts", 'import { x } from "@/app/proposals/[id]/actions";\nexport const y = x;\n')).toHaveLength(1);
    expect(
      await restricted("components/Example.tsx", 'import { x } from "../app/notifications/actions";\nexport const y = x;\n'),
    ).toHaveLength(1);
  });
  it("refuses lib/ importing the UI or the tooling, and anything importing the end-to-end tests", async () => {
    expect(await restricted("lib/example.ts", 'import { Card } from "@/components/ui";\nexport const y = Card;\n')).toHaveLength(1);
    expect(await restricted("lib/example.ts", 'import { seedDatabase } from "@/ops/seed";\nexport const y = seedDatabase;\n')).toHaveLength(
      1,
    );
    expect(await restricted("scripts/example.ts", 'import { x } from "../e2e/helpers";\nexport const y = x;\n')).toHaveLength(1);
    expect(await restricted("e2e/example.ts", 'import { x } from "./helpers";\nexport const y = x;\n')).toEqual([]);
  });
});
