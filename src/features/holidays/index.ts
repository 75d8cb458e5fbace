// Closures (기관 휴무, 임시공휴일) on top of the Korean holidays of
// src/core/calendar; /holiday lists and edits them.
import { defineFeature } from '../context.ts';
import { catalog } from './catalog.ts';

export default defineFeature({ name: 'holidays', catalog });
