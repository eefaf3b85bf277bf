/**
 * Date recognition and normalization (spec §2 "Dates").
 * PLACEHOLDER until the recognizer lands (issue 4): the signature is final.
 */

import { Article } from '../article';
import { DateMention, Finding } from '../types';

/** Returns the date mentions sorted by start offset, and date findings (weekday-mismatch, invalid-date, unresolved-date). */
export function recognizeDates(_article: Article): { dates: DateMention[]; findings: Finding[] } {
  return { dates: [], findings: [] };
}
