// The audit log: every state change, who and when; /audit reads it.
import { defineFeature } from '../context.ts';
import { catalog } from './catalog.ts';

export default defineFeature({ name: 'audit', catalog });
