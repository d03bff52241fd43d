import { inject } from "vitest";

// lib/db reads its settings from the environment: point it at this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.PORTAL_MODE = "demo";
process.env.PORTAL_DEMO_ON_SERVER = "true"; // a test database on a server, on purpose
process.env.NEXTAUTH_SECRET ??= "integration-test-secret";
delete process.env.EMAIL_SERVER;
process.env.JOBS = "off"; // the job queue is tested on its own (votes, mail); elsewhere nothing should start it
