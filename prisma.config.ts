// Configuration for the Prisma CLI. The project's own scripts (scripts/migrate.ts) do not need the
// CLI's native engine; this file keeps `prisma migrate deploy` working where that engine exists.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/irci" },
});
