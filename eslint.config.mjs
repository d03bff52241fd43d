import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

// The boundaries between the project's folders, enforced here rather than remembered:
//   app/ pages and layouts ask lib/ for data, never the database client;
//   lib/ and components/ never reach up into app/;
//   lib/ holds the domain: it never imports the UI (components/) or the tooling (ops/);
//   nothing imports the end-to-end tests (e2e/) but the end-to-end tests themselves.
const E2E = { group: ["**/e2e/*", "@/e2e/*"], message: "Nothing outside e2e/ imports the end-to-end tests." };
const APP = {
  group: ["@/app/*", "**/app/*"],
  message: "app/ is the top: lib/ and components/ never import from it (put shared code in lib/ or components/).",
};
const OPS = {
  group: ["@/ops/*", "**/ops/*"],
  message: "ops/ (migrations, seed data, the embedded database) is tooling: the portal never imports it.",
};
const COMPONENTS = { group: ["@/components/*", "**/components/*"], message: "lib/ is the domain: it never imports the UI." };
const DB = {
  name: "@/lib/db",
  message: "Pages and layouts ask lib/ for data (a query function that checks the permission); they never query the database themselves.",
};

const restrict = (patterns, paths = []) => ({ "no-restricted-imports": ["error", { patterns, paths }] });

const config = [
  { ignores: ["lib/generated/**", ".next/**", "scratch/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  prettier,
  { files: ["**/*.{ts,tsx,mts,mjs,js}"], rules: restrict([E2E]) },
  { files: ["app/**/*.{ts,tsx}"], rules: restrict([E2E, OPS]) },
  { files: ["app/**/page.tsx", "app/**/layout.tsx"], rules: restrict([E2E, OPS], [DB]) },
  { files: ["components/**/*.{ts,tsx}"], rules: restrict([E2E, OPS, APP]) },
  { files: ["lib/**/*.{ts,tsx}"], rules: restrict([E2E, OPS, APP, COMPONENTS]) },
  { files: ["e2e/**/*.ts"], rules: restrict([]) },
];

export default config;
