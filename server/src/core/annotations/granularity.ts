/**
 * The granularity of a TIMEX3 value a person typed into a `date` annotation, so a corrected date
 * reads like a recognized one in hovers and inlay hints.
 */

import { DateGranularity } from '../types';

export function calendarGranularity(value: string): DateGranularity {
  if (value.includes('/')) return 'range';
  if (/X$/.test(value)) return 'decade';
  if (/-W\d\d$/.test(value)) return 'week';
  if (/-Q\d$/.test(value)) return 'quarter';
  if (/^\d{4}-\d\d-\d\d$/.test(value)) return 'day';
  if (/^\d{4}-\d\d$/.test(value)) return 'month';
  return 'year';
}
