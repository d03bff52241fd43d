// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // The production image carries only what the server needs: `next build` traces the files each
  // page and route uses into .next/standalone (see Dockerfile).
  output: "standalone",
  outputFileTracingIncludes: {
    // Readiness compares the migrations applied to the database with those this build carries
    // (read from prisma/migrations at run time, so the tracer cannot see them).
    "/api/health/*": ["./prisma/migrations/**/*"],
  },
  // The portal shows no optimized images (no next/image): the image optimizer's native library
  // (sharp with libvips, 20 MB of the image's 85) is left out of the standalone output.
  images: { unoptimized: true },
  outputFileTracingExcludes: {
    "*": ["node_modules/sharp/**", "node_modules/@img/**"],
  },
  // forbidden() answers 403 from a page when a signed-in person lacks a permission.
  experimental: {
    authInterrupts: true,
    // The build's disk cache only speeds up a later rebuild, and writing it cost a fresh clone's
    // first `npm start` 12 s of its build (40 s in all) on a 2-core machine.
    turbopackFileSystemCacheForBuild: false,
  },
  poweredByHeader: false,
  serverExternalPackages: ["@prisma/schema-engine-wasm", "pg-boss"],
  // On every response, the build's static files included; proxy.ts adds the Content-Security-Policy
  // (with its per-request nonce) and the rest of lib/security-headers.ts to pages and routes.
  // A document version sets its own (lib/documents/serve.ts): a PDF preview may be framed by the
  // portal's own pages, so it is not given DENY here.
  async headers() {
    return [
      {
        source: "/((?!api/documents/versions/).*)",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
