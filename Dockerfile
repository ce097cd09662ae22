# The app image for docker-compose.yml: builds the front end, then runs the API (TypeScript through
# tsx) with production dependencies only. The database is the separate neo4j service.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=8080
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY server ./server
COPY cypher ./cypher
COPY seed ./seed
COPY tsconfig.json ./
COPY --from=build /app/dist/client ./dist/client
USER node
EXPOSE 8080
CMD ["node_modules/.bin/tsx", "server/src/main.ts"]
