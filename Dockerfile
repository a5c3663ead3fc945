# The fankui service image. `npm start` runs everything in one process; with CLICKHOUSE_URL set it uses that
# server instead of the embedded engine.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
ENV PORT=8080 DATA_DIR=/data
EXPOSE 8080
VOLUME ["/data"]
CMD ["npx", "tsx", "--max-semi-space-size=64", "dashboard/start.ts"]
