// The second half of the import check (npm run check:cycles): no two features
// import each other, even through different files. It looks at src/features/
// alone: in the whole tree every folder would be in one cycle of folders, since
// the folder src/ holds both what the features use (paths.ts, config.ts) and the
// composition root, which imports commands/, which import the features.
const base = require('./.dependency-cruiser.cjs');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-feature-circular',
      comment: 'Two features that import each other: one of them must own what both need.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/features/' },
      to: { path: '^src/features/', circular: true },
    },
  ],
  options: { ...base.options, includeOnly: '^src/features/' },
};
