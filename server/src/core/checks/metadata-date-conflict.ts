/**
 * `metadata-date-conflict`: the front matter `date` and the article's dateline disagree on the
 * publication date.
 *
 * A dateline without a year (`TOKYO, Oct. 26 (Reuters) -`) is compared by month and day only.
 * When the front matter gives a date-time, its calendar day depends on a time zone the dateline
 * does not state, so a one-day difference is tolerated then. The finding is on the dateline, with
 * the front matter value as related information; the fix (not safe: a person must decide which
 * one is right) sets the front matter to the dateline's date.
 */

import { dayInterval, describeIsoDate, MONTHS, parseIsoDate, pad } from '../calendar';
import { Finding, finding } from '../types';
import type { CheckContext } from './index';

export function metadataDateConflict(ctx: CheckContext): Finding[] {
  const { article } = ctx;
  const field = article.frontMatter?.fields['date'];
  const dl = article.dateline;
  if (!field || !dl) return [];
  const fm = parseIsoDate(field.value);
  if (!fm || fm.m === undefined || fm.d === undefined) return []; // invalid-date reports it
  const fmDay = `${pad(fm.y, 4)}-${pad(fm.m)}-${pad(fm.d)}`;
  const hasTime = /[T ]\d/.test(field.value.trim());
  let conflict: boolean;
  let dlText: string;
  if (dl.date) {
    const a = dayInterval(fmDay)![0];
    const b = dayInterval(dl.date)![0];
    conflict = hasTime ? Math.abs(a - b) > 1 : a !== b;
    dlText = describeIsoDate(dl.date);
  } else {
    const sameDay = fm.m === dl.month && fm.d === dl.day;
    // With a time in the front matter, the neighbouring days are possible too.
    const near = hasTime && [-1, 1].some((k) => {
      const n = dayInterval(fmDay)![0] + k;
      const p = dayInterval(`${pad(fm.y, 4)}-${pad(dl.month)}-${pad(dl.day)}`);
      return p !== null && p[0] === n;
    });
    conflict = !sameDay && !near;
    dlText = `${dl.day} ${MONTHS[dl.month - 1]} (no year)`;
  }
  if (!conflict) return [];
  const message = `The front matter dates this article ${describeIsoDate(fmDay)} (${field.value}), but its dateline says ${dlText}. The front matter date is used as the publication date; correct whichever is wrong.`;
  const fixes = dl.date
    ? [{ title: `Set the front matter date to ${dl.date}`, edits: [{ start: field.start, end: field.end, newText: dl.date }] }]
    : [];
  // A wire dateline runs into the lede on the same line: the finding covers the dateline only.
  let end = dl.end;
  if (dl.form === 'wire') {
    const m = /\)\s*[-–—]/.exec(article.text.slice(dl.start, dl.end));
    if (m) end = dl.start + m.index + 1;
  }
  return [finding('metadata-date-conflict', dl.start, end, message, {
    related: [{ path: ctx.path, start: field.start, end: field.end, message: 'The front matter date' }],
    fixes,
  })];
}
