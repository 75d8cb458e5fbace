// The import check (npm run check:cycles, run by .ci/run): no import cycle, and
// the layers of docs/architecture.md. Features that import each other (a cycle
// of folders) are checked by .dependency-cruiser-features.cjs. Type-only imports count: a cycle of types
// still keeps two files from being read or tested alone.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: break it by moving the shared declarations (row types to model.ts, job kinds to jobs.ts).',
      severity: 'error',
      from: { path: '^(src|commands|scripts|bench)/' },
      to: { circular: true },
    },
    {
      name: 'feature-not-to-adapter',
      comment: 'A feature speaks to people through core (cards, deliver), never through an adapter or a chat library.',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: ['^src/adapters/', 'node_modules/(@slack/|discord\\.js|@discordjs/|nodemailer)'] },
    },
    {
      name: 'src-not-to-commands',
      comment: 'Only the composition root (src/app.ts) and the registration scripts import commands/.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/app\\.ts$' },
      to: { path: '^commands/' },
    },
    {
      name: 'adapter-not-to-feature-or-db',
      comment: 'An adapter renders cards and carries invocations; it knows no feature and no database.',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: ['^src/features/', '^src/db/'] },
    },
    {
      name: 'core-not-to-feature',
      comment: 'The core is the platform-neutral kernel under the features and adapters.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: ['^src/features/', '^src/adapters/', '^commands/'] },
    },
    {
      name: 'rules-are-pure',
      comment: 'rules.ts holds pure rules: no database, scheduler, delivery, service, jobs or cards.',
      severity: 'error',
      from: { path: '(^|/)rules\\.ts$' },
      to: {
        path: [
          '^src/(db|scheduler|delivery|adapters|generated)/',
          '^src/features/([^/]+/(service|jobs|job-runs|cards|index)|context)\\.ts$',
        ],
      },
    },
    {
      name: 'model-holds-types',
      comment: 'model.ts holds row types: it imports no service, job or card.',
      severity: 'error',
      from: { path: '/model\\.ts$' },
      to: { path: '^src/features/[^/]+/(service|jobs|job-runs|cards)\\.ts$' },
    },
  ],
  options: {
    // `depcruise .` reads these folders (commands/ counts as soon as it exists);
    // libraries are leaves, so the rules can name the chat libraries.
    includeOnly: '^(src|commands|scripts|bench)/|(^|/)node_modules/',
    doNotFollow: { path: 'node_modules' },
    // The generated Prisma client is left out (its own files import each other).
    exclude: { path: ['^src/generated/', '^test/', '^\\.test-tmp/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
