// /help: the command list and usage pages, generated from the declarations.
import { defineFeature } from '../context.ts';

export default defineFeature({ name: 'help' });
