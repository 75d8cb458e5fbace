// The privacy guard lives in ./privacy/ (rules, hygiene, guard); this file keeps the old import path.
export * from './privacy/index.ts';
