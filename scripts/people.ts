// npm run people -- add --email a@b.org --name "Dr A B" --org nci [--role member|deputy|representative] [--secretariat]
// npm run people -- deactivate --email a@b.org --reason "left the organization"
// npm run people -- reactivate --email a@b.org
// npm run people -- list
// For the operator of a deployment: the first secretariat account, and recovery. Everything else
// is done in the portal (/admin/people, each organization's people page).
import { parseArgs } from "node:util";
import { createPrismaClient } from "@/lib/prisma-client";
import { addPerson, deactivatePerson, reactivatePerson } from "@/lib/people/admin";
import { AppError } from "@/lib/errors";
import { withDatabase } from "@/scripts/lib/database";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: "string" },
    name: { type: "string" },
    org: { type: "string" },
    role: { type: "string" },
    secretariat: { type: "boolean", default: false },
    reason: { type: "string" },
  },
});

withDatabase(async (url) => {
  const db = createPrismaClient(url, 2);
  try {
    switch (positionals[0]) {
      case "add": {
        const user = await addPerson(
          db,
          {
            email: values.email ?? "",
            name: values.name ?? "",
            org: values.org,
            role: values.role?.toUpperCase() as "MEMBER" | "DEPUTY" | "REPRESENTATIVE" | undefined,
            secretariat: values.secretariat,
          },
          null,
        );
        console.log(`Added ${user.name} <${user.email}>. They can sign in with an email link now.`);
        break;
      }
      case "deactivate": {
        const user = await deactivatePerson(db, values.email ?? "", values.reason ?? "", null);
        console.log(`Deactivated ${user.email}; their sessions have ended.`);
        break;
      }
      case "reactivate": {
        const user = await reactivatePerson(db, values.email ?? "", null);
        console.log(`Reactivated ${user.email}; they can sign in again.`);
        break;
      }
      case "list": {
        const people = await db.user.findMany({
          orderBy: { email: "asc" },
          take: 1000,
          include: { membership: { include: { organization: true } } },
        });
        for (const p of people) {
          const org = p.membership ? `${p.membership.organization.shortName} ${p.membership.role.toLowerCase()}` : "";
          console.log([p.email, p.name, org, p.secretariat ? "secretariat" : "", p.active ? "" : "INACTIVE"].filter(Boolean).join("  "));
        }
        break;
      }
      default:
        throw new AppError("INVALID", "usage: npm run people -- add|deactivate|reactivate|list [options] (see scripts/people.ts)");
    }
  } finally {
    await db.$disconnect();
  }
}).catch((error: Error) => {
  console.error(error instanceof AppError ? `Refused: ${error.message}` : `Error: ${error.message}`);
  process.exit(1);
});
