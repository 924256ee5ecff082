# Counterdesk head office in a container (docs/architecture/headoffice-deploy.md):
#   docker build -t counterdesk-headoffice .
#   docker run -d -p 8443:8443 -v hq-data:/var/lib/counterdesk-headoffice \
#     -e HEADOFFICE_DATABASE_URL=postgres://user:password@db:5432/headoffice counterdesk-headoffice
# test/headoffice/deploy.spec.ts runs the same steps without Docker: build, npm ci --omit=dev in
# the built folder, node headoffice.js as a non-root user with environment variables only.

# Build: the whole repository's packages (dev ones included), then npm run headoffice:build.
# --ignore-scripts: building needs no install script (it would download Electron and compile the
# counter's SQLite, which head office does not use).
FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run headoffice:build

# Run: the built folder and its production packages only (deploy/headoffice/package.json).
FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /opt/counterdesk-headoffice
COPY --from=build /src/out/headoffice/package.json /src/out/headoffice/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /src/out/headoffice/ ./
# The data folder (generated certificates, release files) is the one place it writes: owned by
# the image's unprivileged `node` user; the program files stay root's.
RUN mkdir -p /var/lib/counterdesk-headoffice && chown node:node /var/lib/counterdesk-headoffice
VOLUME /var/lib/counterdesk-headoffice
ENV HEADOFFICE_DATA_DIR=/var/lib/counterdesk-headoffice \
    HEADOFFICE_HOST=0.0.0.0 \
    HEADOFFICE_PORT=8443
USER node
EXPOSE 8443
# Liveness only (the process answers), over the server's own HTTPS on loopback, so the
# certificate's name is not checked; /readyz is for a load balancer that should wait for the database.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "require('node:https').get({ host: '127.0.0.1', port: process.env.HEADOFFICE_PORT, path: '/healthz', rejectUnauthorized: false, timeout: 4000 }, (r) => process.exit(r.statusCode === 200 ? 0 : 1)).on('error', () => process.exit(1))"]
# docker stop sends SIGTERM: requests in flight finish (HEADOFFICE_SHUTDOWN_SECONDS, default 10,
# under docker's own 10 s grace: pass --stop-timeout 20 to give them all of it).
STOPSIGNAL SIGTERM
CMD ["node", "headoffice.js"]
