// The audit log: every state change, who and when; /audit reads it.
import { defineFeature } from '../context.ts';
import { catalog } from './catalog.ts';
import audit from './commands/audit.ts';

export default defineFeature({ name: 'audit', catalog, commands: [audit] });
