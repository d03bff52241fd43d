# The portal's production image: built once, run as the one-shot `migrate` step and as every app
# instance behind the load balancer (docker-compose.yml). `docker build -t irci-portal .`

# ── Build: every dependency, the sources, `npm run build` (next build + scripts/bundle.ts) ──
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# ── Runtime: Node 24 and only what the server, the migrations and the reference seed need ──
FROM node:24-bookworm-slim
# tini is process 1: it passes docker stop's SIGTERM on to node (the server drains and stops its
# job workers, ops/server/main.ts) and reaps any stray child process.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
# Owned by root and read-only to the server, which runs as `node`. The test
# e2e/production-image.spec.ts assembles this same layout from these COPY lines and runs it.
# Next's standalone output: the server's traced node_modules and .next/ (pages, routes, manifests).
COPY --from=build /app/.next/standalone ./
# The browser's files, which the standalone output leaves out.
COPY --from=build /app/.next/static ./.next/static
# The portal's server entry, `migrate deploy` and the reference seed, bundled (scripts/bundle.ts).
COPY --from=build /app/.next/portal ./.next/portal
# The migrations (the migrate step applies them; readiness compares them with the database's).
COPY --from=build /app/prisma/migrations ./prisma/migrations
COPY --from=build /app/prisma/schema.prisma ./prisma/schema.prisma
# Prisma's schema engine (wasm), loaded by file path by the migrate step: not bundled.
COPY --from=build /app/node_modules/@prisma/schema-engine-wasm ./node_modules/@prisma/schema-engine-wasm
# Next's cache (optimized images, revalidated pages) is the one place the server writes.
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
# Liveness only: whether this process answers. The load balancer and compose's `app` service use
# readiness (/api/health/ready: database, migrations, job workers), see docker-compose.yml.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["tini", "--"]
CMD ["node", "--enable-source-maps", ".next/portal/server.cjs"]
