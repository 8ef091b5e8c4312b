# ipt-guide for hosts other than Azure App Service (any container platform).
#   docker build --platform linux/amd64 -t ipt-guide .
#   docker run --env-file production.env -p 3978:3978 ipt-guide
# Settings come from the environment at run time (docs/deployment.md); none are baked in.

# 1. Build: dev dependencies, TypeScript, then the release folder (npm run build, without install).
FROM node:22-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build-release.mjs --no-install

# 2. Production dependencies only, from the release's package.json and the same lockfile.
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY --from=build /src/release/package.json /src/release/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. Run: compiled code, run-time data and production dependencies, owned by root and run as the
#    unprivileged `node` user, so the service cannot change its own code.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /src/release/ ./
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "require('http').get('http://127.0.0.1:' + process.env.PORT + '/healthz', (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1))"]
CMD ["node", "--disable-warning=DEP0111", "dist/src/index.js"]
