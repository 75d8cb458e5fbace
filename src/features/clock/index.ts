// The console as a simulator: /clock moves the bot's clock forward and runs
// the scheduled jobs that fall due on the way, in order (console only; the
// app provides ctx.simulation only to a console running a SimulatedClock).
import { defineFeature } from '../context.ts';
import { catalog } from './catalog.ts';

export default defineFeature({ name: 'clock', catalog });
