# The portal's production image: one build, run as many times as you like behind a load balancer.
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
# Migrations run once, in the `migrate` service of docker-compose.yml, not in every instance.
ENV MIGRATE_ON_START=false
CMD ["npm", "start"]
