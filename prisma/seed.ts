// npm run db:seed [-- --reference-only]
// Organizations and expert groups from prisma/data/irci-reference.json, plus the fictional demo
// people unless --reference-only (use that on a production database).
import { createPrismaClient } from "@/lib/prisma-client";
import { seedDatabase } from "@/ops/seed";
import { withDatabase } from "@/scripts/lib/database";

const demo = !process.argv.includes("--reference-only");

withDatabase(async (url) => {
  const db = createPrismaClient(url, 2);
  try {
    const s = await seedDatabase(db, { demo });
    console.log(`Seeded ${s.organizations} organizations, ${s.groups} expert groups, ${s.people} demo people, ${s.proposals} proposals.`);
  } finally {
    await db.$disconnect();
  }
}).catch((error: Error) => {
  console.error(`Seed failed: ${error.message}`);
  process.exit(1);
});
