// /help: the command list and usage pages, generated from the declarations.
import { defineFeature } from '../context.ts';
import help from './commands/help.ts';

export default defineFeature({ name: 'help', commands: [help] });
