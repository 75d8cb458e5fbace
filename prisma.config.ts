// Prisma CLI configuration (schema and migrations location, database URL).
// The bot itself reads the URL through src/config.ts; this file only serves
// `prisma generate` and a site that prefers the regular Prisma CLI.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/bot.db' },
});
