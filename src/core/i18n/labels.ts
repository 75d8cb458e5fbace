// Labels every feature shows the same way.
import { weekday, type IsoDate } from '../calendar/index.ts';
import type { Translator } from './index.ts';

/** 월, 화, … (Mon, Tue, …) of a Seoul calendar date. */
export const weekdayLabel = (t: Translator, date: IsoDate): string => t(`weekday.${weekday(date)}`);
