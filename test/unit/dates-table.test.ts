/**
 * The date recognizer, table-driven: each row is a sentence written for this test, a publication
 * date, the expression expected in it and its TIMEX3 type, value and modifier (see docs/dates.md).
 * A row with a null expression asserts that the sentence holds no DATE or TIME.
 */

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/core/article';
import { DateScanner, recognizeDates } from '../../server/src/core/dates';
import { NumericOrder } from '../../server/src/core/types';

/** [publication date, sentence, expression, type, value, mod?]. */
type Row = [string, string, string | null, string | null, string | null, string?];

const ROWS: Row[] = [
  // Generated families (weekdays by tense, partial dates, months, formats, durations, offsets).
  ['2025-10-26', 'The delegation arrived in the capital on Sunday.', 'Sunday', 'DATE', '2025-10-26'],
  ['2025-10-26', 'The delegation will arrive in the capital on Sunday.', 'Sunday', 'DATE', '2025-10-26'],
  ['2025-10-26', 'The delegation arrived in the capital on Monday.', 'Monday', 'DATE', '2025-10-20'],
  ['2025-10-26', 'The delegation will arrive in the capital on Monday.', 'Monday', 'DATE', '2025-10-27'],
  ['2025-10-26', 'The delegation arrived in the capital on Tuesday.', 'Tuesday', 'DATE', '2025-10-21'],
  ['2025-10-26', 'The delegation will arrive in the capital on Tuesday.', 'Tuesday', 'DATE', '2025-10-28'],
  ['2025-10-26', 'The delegation arrived in the capital on Wednesday.', 'Wednesday', 'DATE', '2025-10-22'],
  ['2025-10-26', 'The delegation will arrive in the capital on Wednesday.', 'Wednesday', 'DATE', '2025-10-29'],
  ['2025-10-26', 'The delegation arrived in the capital on Thursday.', 'Thursday', 'DATE', '2025-10-23'],
  ['2025-10-26', 'The delegation will arrive in the capital on Thursday.', 'Thursday', 'DATE', '2025-10-30'],
  ['2025-10-26', 'The delegation arrived in the capital on Friday.', 'Friday', 'DATE', '2025-10-24'],
  ['2025-10-26', 'The delegation will arrive in the capital on Friday.', 'Friday', 'DATE', '2025-10-31'],
  ['2025-10-26', 'The delegation arrived in the capital on Saturday.', 'Saturday', 'DATE', '2025-10-25'],
  ['2025-10-26', 'The delegation will arrive in the capital on Saturday.', 'Saturday', 'DATE', '2025-11-01'],
  ['2025-10-26', 'The foreign minister said Sunday that the talks would go on.', 'Sunday', 'DATE', '2025-10-26'],
  ['2025-10-26', 'The vote would be held on Sunday, officials added.', 'Sunday', 'DATE', '2025-10-26'],
  ['2025-10-26', 'Envoys first met last Sunday in a hotel.', 'last Sunday', 'DATE', '2025-10-19'],
  ['2025-10-26', 'Envoys meet again next Sunday in a hotel.', 'next Sunday', 'DATE', '2025-11-02'],
  ['2025-10-26', 'The foreign minister said Monday that the talks would go on.', 'Monday', 'DATE', '2025-10-20'],
  ['2025-10-26', 'The vote would be held on Monday, officials added.', 'Monday', 'DATE', '2025-10-27'],
  ['2025-10-26', 'Envoys first met last Monday in a hotel.', 'last Monday', 'DATE', '2025-10-20'],
  ['2025-10-26', 'Envoys meet again next Monday in a hotel.', 'next Monday', 'DATE', '2025-10-27'],
  ['2025-10-26', 'The foreign minister said Tuesday that the talks would go on.', 'Tuesday', 'DATE', '2025-10-21'],
  ['2025-10-26', 'The vote would be held on Tuesday, officials added.', 'Tuesday', 'DATE', '2025-10-28'],
  ['2025-10-26', 'Envoys first met last Tuesday in a hotel.', 'last Tuesday', 'DATE', '2025-10-21'],
  ['2025-10-26', 'Envoys meet again next Tuesday in a hotel.', 'next Tuesday', 'DATE', '2025-10-28'],
  ['2025-10-26', 'The foreign minister said Wednesday that the talks would go on.', 'Wednesday', 'DATE', '2025-10-22'],
  ['2025-10-26', 'The vote would be held on Wednesday, officials added.', 'Wednesday', 'DATE', '2025-10-29'],
  ['2025-10-26', 'Envoys first met last Wednesday in a hotel.', 'last Wednesday', 'DATE', '2025-10-22'],
  ['2025-10-26', 'Envoys meet again next Wednesday in a hotel.', 'next Wednesday', 'DATE', '2025-10-29'],
  ['2025-10-26', 'The foreign minister said Thursday that the talks would go on.', 'Thursday', 'DATE', '2025-10-23'],
  ['2025-10-26', 'The vote would be held on Thursday, officials added.', 'Thursday', 'DATE', '2025-10-30'],
  ['2025-10-26', 'Envoys first met last Thursday in a hotel.', 'last Thursday', 'DATE', '2025-10-23'],
  ['2025-10-26', 'Envoys meet again next Thursday in a hotel.', 'next Thursday', 'DATE', '2025-10-30'],
  ['2025-10-26', 'The foreign minister said Friday that the talks would go on.', 'Friday', 'DATE', '2025-10-24'],
  ['2025-10-26', 'The vote would be held on Friday, officials added.', 'Friday', 'DATE', '2025-10-31'],
  ['2025-10-26', 'Envoys first met last Friday in a hotel.', 'last Friday', 'DATE', '2025-10-24'],
  ['2025-10-26', 'Envoys meet again next Friday in a hotel.', 'next Friday', 'DATE', '2025-10-31'],
  ['2025-10-26', 'The foreign minister said Saturday that the talks would go on.', 'Saturday', 'DATE', '2025-10-25'],
  ['2025-10-26', 'The vote would be held on Saturday, officials added.', 'Saturday', 'DATE', '2025-11-01'],
  ['2025-10-26', 'Envoys first met last Saturday in a hotel.', 'last Saturday', 'DATE', '2025-10-25'],
  ['2025-10-26', 'Envoys meet again next Saturday in a hotel.', 'next Saturday', 'DATE', '2025-11-01'],
  ['2013-03-22', 'The delegation arrived in the capital on Sunday.', 'Sunday', 'DATE', '2013-03-17'],
  ['2013-03-22', 'The delegation will arrive in the capital on Sunday.', 'Sunday', 'DATE', '2013-03-24'],
  ['2013-03-22', 'The delegation arrived in the capital on Monday.', 'Monday', 'DATE', '2013-03-18'],
  ['2013-03-22', 'The delegation will arrive in the capital on Monday.', 'Monday', 'DATE', '2013-03-25'],
  ['2013-03-22', 'The delegation arrived in the capital on Tuesday.', 'Tuesday', 'DATE', '2013-03-19'],
  ['2013-03-22', 'The delegation will arrive in the capital on Tuesday.', 'Tuesday', 'DATE', '2013-03-26'],
  ['2013-03-22', 'The delegation arrived in the capital on Wednesday.', 'Wednesday', 'DATE', '2013-03-20'],
  ['2013-03-22', 'The delegation will arrive in the capital on Wednesday.', 'Wednesday', 'DATE', '2013-03-27'],
  ['2013-03-22', 'The delegation arrived in the capital on Thursday.', 'Thursday', 'DATE', '2013-03-21'],
  ['2013-03-22', 'The delegation will arrive in the capital on Thursday.', 'Thursday', 'DATE', '2013-03-28'],
  ['2013-03-22', 'The delegation arrived in the capital on Friday.', 'Friday', 'DATE', '2013-03-22'],
  ['2013-03-22', 'The delegation will arrive in the capital on Friday.', 'Friday', 'DATE', '2013-03-22'],
  ['2013-03-22', 'The delegation arrived in the capital on Saturday.', 'Saturday', 'DATE', '2013-03-16'],
  ['2013-03-22', 'The delegation will arrive in the capital on Saturday.', 'Saturday', 'DATE', '2013-03-23'],
  ['2013-03-22', 'The foreign minister said Sunday that the talks would go on.', 'Sunday', 'DATE', '2013-03-17'],
  ['2013-03-22', 'The vote would be held on Sunday, officials added.', 'Sunday', 'DATE', '2013-03-24'],
  ['2013-03-22', 'Envoys first met last Sunday in a hotel.', 'last Sunday', 'DATE', '2013-03-17'],
  ['2013-03-22', 'Envoys meet again next Sunday in a hotel.', 'next Sunday', 'DATE', '2013-03-24'],
  ['2013-03-22', 'The foreign minister said Monday that the talks would go on.', 'Monday', 'DATE', '2013-03-18'],
  ['2013-03-22', 'The vote would be held on Monday, officials added.', 'Monday', 'DATE', '2013-03-25'],
  ['2013-03-22', 'Envoys first met last Monday in a hotel.', 'last Monday', 'DATE', '2013-03-18'],
  ['2013-03-22', 'Envoys meet again next Monday in a hotel.', 'next Monday', 'DATE', '2013-03-25'],
  ['2013-03-22', 'The foreign minister said Tuesday that the talks would go on.', 'Tuesday', 'DATE', '2013-03-19'],
  ['2013-03-22', 'The vote would be held on Tuesday, officials added.', 'Tuesday', 'DATE', '2013-03-26'],
  ['2013-03-22', 'Envoys first met last Tuesday in a hotel.', 'last Tuesday', 'DATE', '2013-03-19'],
  ['2013-03-22', 'Envoys meet again next Tuesday in a hotel.', 'next Tuesday', 'DATE', '2013-03-26'],
  ['2013-03-22', 'The foreign minister said Wednesday that the talks would go on.', 'Wednesday', 'DATE', '2013-03-20'],
  ['2013-03-22', 'The vote would be held on Wednesday, officials added.', 'Wednesday', 'DATE', '2013-03-27'],
  ['2013-03-22', 'Envoys first met last Wednesday in a hotel.', 'last Wednesday', 'DATE', '2013-03-20'],
  ['2013-03-22', 'Envoys meet again next Wednesday in a hotel.', 'next Wednesday', 'DATE', '2013-03-27'],
  ['2013-03-22', 'The foreign minister said Thursday that the talks would go on.', 'Thursday', 'DATE', '2013-03-21'],
  ['2013-03-22', 'The vote would be held on Thursday, officials added.', 'Thursday', 'DATE', '2013-03-28'],
  ['2013-03-22', 'Envoys first met last Thursday in a hotel.', 'last Thursday', 'DATE', '2013-03-21'],
  ['2013-03-22', 'Envoys meet again next Thursday in a hotel.', 'next Thursday', 'DATE', '2013-03-28'],
  ['2013-03-22', 'The foreign minister said Friday that the talks would go on.', 'Friday', 'DATE', '2013-03-22'],
  ['2013-03-22', 'The vote would be held on Friday, officials added.', 'Friday', 'DATE', '2013-03-22'],
  ['2013-03-22', 'Envoys first met last Friday in a hotel.', 'last Friday', 'DATE', '2013-03-15'],
  ['2013-03-22', 'Envoys meet again next Friday in a hotel.', 'next Friday', 'DATE', '2013-03-29'],
  ['2013-03-22', 'The foreign minister said Saturday that the talks would go on.', 'Saturday', 'DATE', '2013-03-16'],
  ['2013-03-22', 'The vote would be held on Saturday, officials added.', 'Saturday', 'DATE', '2013-03-23'],
  ['2013-03-22', 'Envoys first met last Saturday in a hotel.', 'last Saturday', 'DATE', '2013-03-16'],
  ['2013-03-22', 'Envoys meet again next Saturday in a hotel.', 'next Saturday', 'DATE', '2013-03-23'],
  ['2025-10-26', 'The envoys met in Geneva on January 5 to review the text.', 'January 5', 'DATE', '2025-01-05'],
  ['2025-10-26', 'The envoys will meet in Geneva on January 5 to review the text.', 'January 5', 'DATE', '2026-01-05'],
  ['2025-10-26', 'The envoys met in Geneva on February 14 to review the text.', 'February 14', 'DATE', '2025-02-14'],
  ['2025-10-26', 'The envoys will meet in Geneva on February 14 to review the text.', 'February 14', 'DATE', '2026-02-14'],
  ['2025-10-26', 'The envoys met in Geneva on March 9 to review the text.', 'March 9', 'DATE', '2025-03-09'],
  ['2025-10-26', 'The envoys will meet in Geneva on March 9 to review the text.', 'March 9', 'DATE', '2026-03-09'],
  ['2025-10-26', 'The envoys met in Geneva on April 21 to review the text.', 'April 21', 'DATE', '2025-04-21'],
  ['2025-10-26', 'The envoys will meet in Geneva on April 21 to review the text.', 'April 21', 'DATE', '2026-04-21'],
  ['2025-10-26', 'The envoys met in Geneva on May 30 to review the text.', 'May 30', 'DATE', '2025-05-30'],
  ['2025-10-26', 'The envoys will meet in Geneva on May 30 to review the text.', 'May 30', 'DATE', '2026-05-30'],
  ['2025-10-26', 'The envoys met in Geneva on June 2 to review the text.', 'June 2', 'DATE', '2025-06-02'],
  ['2025-10-26', 'The envoys will meet in Geneva on June 2 to review the text.', 'June 2', 'DATE', '2026-06-02'],
  ['2025-10-26', 'The envoys met in Geneva on July 17 to review the text.', 'July 17', 'DATE', '2025-07-17'],
  ['2025-10-26', 'The envoys will meet in Geneva on July 17 to review the text.', 'July 17', 'DATE', '2026-07-17'],
  ['2025-10-26', 'The envoys met in Geneva on August 8 to review the text.', 'August 8', 'DATE', '2025-08-08'],
  ['2025-10-26', 'The envoys will meet in Geneva on August 8 to review the text.', 'August 8', 'DATE', '2026-08-08'],
  ['2025-10-26', 'The envoys met in Geneva on September 1 to review the text.', 'September 1', 'DATE', '2025-09-01'],
  ['2025-10-26', 'The envoys will meet in Geneva on September 1 to review the text.', 'September 1', 'DATE', '2026-09-01'],
  ['2025-10-26', 'The envoys met in Geneva on November 3 to review the text.', 'November 3', 'DATE', '2025-11-03'],
  ['2025-05-06', 'Police have searched for him since the Oct. 23 bombing.', 'Oct. 23', 'DATE', '2024-10-23'],
  // A date opening its sentence is governed by the main clause after its comma.
  ['1998-10-26', 'On Tuesday, the union plans to picket the ministry.', 'Tuesday', 'DATE', '1998-10-27'],
  ['1998-10-26', 'On Tuesday, the union picketed the ministry.', 'Tuesday', 'DATE', '1998-10-20'],
  ['1998-10-26', 'On Thursday, ministers will meet in the capital.', 'Thursday', 'DATE', '1998-10-29'],
  ['1998-10-26', 'The union picketed the ministry on Tuesday, and police will review it.', 'Tuesday', 'DATE', '1998-10-20'],
  // Quarters without a year: the tense picks the year; last/this/next quarter from the publication date's.
  ['2013-03-22', 'Profits rose in the fourth quarter, the bank said.', 'the fourth quarter', 'DATE', '2012-Q4'],
  ['2013-03-22', 'Profits will rise in the fourth quarter.', 'the fourth quarter', 'DATE', '2013-Q4'],
  ['2013-08-22', 'Exports grew in the second quarter.', 'the second quarter', 'DATE', '2013-Q2'],
  ['2013-03-22', 'Exports fell last quarter.', 'last quarter', 'DATE', '2012-Q4'],
  ['2013-11-02', 'Exports should recover next quarter.', 'next quarter', 'DATE', '2014-Q1'],
  ['2013-03-22', 'Exports are flat this quarter.', 'this quarter', 'DATE', '2013-Q1'],
  // "mid-" before a year.
  ['2013-03-22', 'Growth slowed in mid-2012 across the region.', 'mid-2012', 'DATE', '2012', 'MID'],
  // "in" + a quantity after "the first time", a superlative: a span up to now, not a date ahead.
  ['2013-03-22', 'The rebels met for the first time in five years.', 'five years', 'DURATION', 'P5Y'],
  ['2013-03-22', 'Inflation is at its highest in a decade.', 'a decade', 'DURATION', 'P10Y'],
  ['2013-03-22', 'The talks resume in five years.', 'in five years', 'DATE', '2018'],
  ['2013-03-22', 'Spending will grow over the next 10 years.', 'the next 10 years', 'DURATION', 'P10Y'],
  ['2013-03-22', 'Attacks rose over the past 12 months.', 'the past 12 months', 'DURATION', 'P12M'],
  // Rates are not dates; "twice a week" is a frequency.
  ['2013-03-22', 'The council meets twice a week in the old palace.', 'twice a week', 'SET', 'P1W'],
  ['2013-03-22', 'Ferries cross three times a day in summer.', 'three times a day', 'SET', 'P1D'],
  // The week of a holiday: the one nearest the publication date.
  ['2000-04-17', 'Pilgrims filled the old city as Easter week began.', 'Easter week', 'DATE', '2000-W16'],
  ['2025-11-20', 'Airports expect record crowds during Thanksgiving week.', 'Thanksgiving week', 'DATE', '2025-W48'],
  ['2025-10-26', 'The envoys will meet in Geneva on November 3 to review the text.', 'November 3', 'DATE', '2025-11-03'],
  ['2025-10-26', 'The envoys met in Geneva on December 20 to review the text.', 'December 20', 'DATE', '2025-12-20'],
  ['2025-10-26', 'The envoys will meet in Geneva on December 20 to review the text.', 'December 20', 'DATE', '2025-12-20'],
  ['2025-10-26', 'The envoys met in Geneva on October 4 to review the text.', 'October 4', 'DATE', '2025-10-04'],
  ['2025-10-26', 'The envoys will meet in Geneva on October 4 to review the text.', 'October 4', 'DATE', '2025-10-04'],
  ['2025-10-26', 'The parliament ratified the accord in January.', 'January', 'DATE', '2025-01'],
  ['2025-10-26', 'The parliament will ratify the accord in January.', 'January', 'DATE', '2026-01'],
  ['2025-10-26', 'The parliament ratified the accord in February.', 'February', 'DATE', '2025-02'],
  ['2025-10-26', 'The parliament will ratify the accord in February.', 'February', 'DATE', '2026-02'],
  ['2025-10-26', 'The parliament ratified the accord in March.', 'March', 'DATE', '2025-03'],
  ['2025-10-26', 'The parliament will ratify the accord in March.', 'March', 'DATE', '2026-03'],
  ['2025-10-26', 'The parliament ratified the accord in April.', 'April', 'DATE', '2025-04'],
  ['2025-10-26', 'The parliament will ratify the accord in April.', 'April', 'DATE', '2026-04'],
  ['2025-10-26', 'The parliament ratified the accord in May.', 'May', 'DATE', '2025-05'],
  ['2025-10-26', 'The parliament will ratify the accord in May.', 'May', 'DATE', '2026-05'],
  ['2025-10-26', 'The parliament ratified the accord in June.', 'June', 'DATE', '2025-06'],
  ['2025-10-26', 'The parliament will ratify the accord in June.', 'June', 'DATE', '2026-06'],
  ['2025-10-26', 'The parliament ratified the accord in July.', 'July', 'DATE', '2025-07'],
  ['2025-10-26', 'The parliament will ratify the accord in July.', 'July', 'DATE', '2026-07'],
  ['2025-10-26', 'The parliament ratified the accord in August.', 'August', 'DATE', '2025-08'],
  ['2025-10-26', 'The parliament will ratify the accord in August.', 'August', 'DATE', '2026-08'],
  ['2025-10-26', 'The parliament ratified the accord in September.', 'September', 'DATE', '2025-09'],
  ['2025-10-26', 'The parliament will ratify the accord in September.', 'September', 'DATE', '2025-09'],
  ['2025-10-26', 'The parliament ratified the accord in October.', 'October', 'DATE', '2025-10'],
  ['2025-10-26', 'The parliament will ratify the accord in October.', 'October', 'DATE', '2025-10'],
  ['2025-10-26', 'The parliament ratified the accord in November.', 'November', 'DATE', '2025-11'],
  ['2025-10-26', 'The parliament will ratify the accord in November.', 'November', 'DATE', '2025-11'],
  ['2025-10-26', 'The parliament ratified the accord in December.', 'December', 'DATE', '2024-12'],
  ['2025-10-26', 'The parliament will ratify the accord in December.', 'December', 'DATE', '2025-12'],
  ['2025-10-26', 'The treaty was signed on 31 March 2016 in Lisbon.', '31 March 2016', 'DATE', '2016-03-31'],
  ['2025-10-26', 'The treaty was signed on March 31, 2016 in Lisbon.', 'March 31, 2016', 'DATE', '2016-03-31'],
  ['2025-10-26', 'The treaty was signed on 2016-03-31 in Lisbon.', '2016-03-31', 'DATE', '2016-03-31'],
  ['2025-10-26', 'The treaty was signed in March 2016 in Lisbon.', 'March 2016', 'DATE', '2016-03'],
  ['2025-10-26', 'The treaty was signed on 5 November 2019 in Lisbon.', '5 November 2019', 'DATE', '2019-11-05'],
  ['2025-10-26', 'The treaty was signed on November 5, 2019 in Lisbon.', 'November 5, 2019', 'DATE', '2019-11-05'],
  ['2025-10-26', 'The treaty was signed on 2019-11-05 in Lisbon.', '2019-11-05', 'DATE', '2019-11-05'],
  ['2025-10-26', 'The treaty was signed in November 2019 in Lisbon.', 'November 2019', 'DATE', '2019-11'],
  ['2025-10-26', 'The treaty was signed on 20 January 2021 in Lisbon.', '20 January 2021', 'DATE', '2021-01-20'],
  ['2025-10-26', 'The treaty was signed on January 20, 2021 in Lisbon.', 'January 20, 2021', 'DATE', '2021-01-20'],
  ['2025-10-26', 'The treaty was signed on 2021-01-20 in Lisbon.', '2021-01-20', 'DATE', '2021-01-20'],
  ['2025-10-26', 'The treaty was signed in January 2021 in Lisbon.', 'January 2021', 'DATE', '2021-01'],
  ['2025-10-26', 'The treaty was signed on 8 August 2008 in Lisbon.', '8 August 2008', 'DATE', '2008-08-08'],
  ['2025-10-26', 'The treaty was signed on August 8, 2008 in Lisbon.', 'August 8, 2008', 'DATE', '2008-08-08'],
  ['2025-10-26', 'The treaty was signed on 2008-08-08 in Lisbon.', '2008-08-08', 'DATE', '2008-08-08'],
  ['2025-10-26', 'The treaty was signed in August 2008 in Lisbon.', 'August 2008', 'DATE', '2008-08'],
  ['2025-10-26', 'The treaty was signed on 31 December 1999 in Lisbon.', '31 December 1999', 'DATE', '1999-12-31'],
  ['2025-10-26', 'The treaty was signed on December 31, 1999 in Lisbon.', 'December 31, 1999', 'DATE', '1999-12-31'],
  ['2025-10-26', 'The treaty was signed on 1999-12-31 in Lisbon.', '1999-12-31', 'DATE', '1999-12-31'],
  ['2025-10-26', 'The treaty was signed in December 1999 in Lisbon.', 'December 1999', 'DATE', '1999-12'],
  ['2025-10-26', 'The treaty was signed on 29 February 2024 in Lisbon.', '29 February 2024', 'DATE', '2024-02-29'],
  ['2025-10-26', 'The treaty was signed on February 29, 2024 in Lisbon.', 'February 29, 2024', 'DATE', '2024-02-29'],
  ['2025-10-26', 'The treaty was signed on 2024-02-29 in Lisbon.', '2024-02-29', 'DATE', '2024-02-29'],
  ['2025-10-26', 'The treaty was signed in February 2024 in Lisbon.', 'February 2024', 'DATE', '2024-02'],
  ['2025-10-26', 'The negotiations lasted two days before a pause.', 'two days', 'DURATION', 'P2D'],
  ['2025-10-26', 'The negotiations lasted five days before a pause.', 'five days', 'DURATION', 'P5D'],
  ['2025-10-26', 'The negotiations lasted 12 days before a pause.', '12 days', 'DURATION', 'P12D'],
  ['2025-10-26', 'The negotiations lasted three days before a pause.', 'three days', 'DURATION', 'P3D'],
  ['2025-10-26', 'The negotiations lasted two weeks before a pause.', 'two weeks', 'DURATION', 'P2W'],
  ['2025-10-26', 'The negotiations lasted five weeks before a pause.', 'five weeks', 'DURATION', 'P5W'],
  ['2025-10-26', 'The negotiations lasted 12 weeks before a pause.', '12 weeks', 'DURATION', 'P12W'],
  ['2025-10-26', 'The negotiations lasted three weeks before a pause.', 'three weeks', 'DURATION', 'P3W'],
  ['2025-10-26', 'The negotiations lasted two months before a pause.', 'two months', 'DURATION', 'P2M'],
  ['2025-10-26', 'The negotiations lasted five months before a pause.', 'five months', 'DURATION', 'P5M'],
  ['2025-10-26', 'The negotiations lasted 12 months before a pause.', '12 months', 'DURATION', 'P12M'],
  ['2025-10-26', 'The negotiations lasted three months before a pause.', 'three months', 'DURATION', 'P3M'],
  ['2025-10-26', 'The negotiations lasted two years before a pause.', 'two years', 'DURATION', 'P2Y'],
  ['2025-10-26', 'The negotiations lasted five years before a pause.', 'five years', 'DURATION', 'P5Y'],
  ['2025-10-26', 'The negotiations lasted 12 years before a pause.', '12 years', 'DURATION', 'P12Y'],
  ['2025-10-26', 'The negotiations lasted three years before a pause.', 'three years', 'DURATION', 'P3Y'],
  ['2025-10-26', 'The negotiations lasted two hours before a pause.', 'two hours', 'DURATION', 'PT2H'],
  ['2025-10-26', 'The negotiations lasted five hours before a pause.', 'five hours', 'DURATION', 'PT5H'],
  ['2025-10-26', 'The negotiations lasted 12 hours before a pause.', '12 hours', 'DURATION', 'PT12H'],
  ['2025-10-26', 'The negotiations lasted three hours before a pause.', 'three hours', 'DURATION', 'PT3H'],
  ['2025-10-26', 'The negotiations lasted two minutes before a pause.', 'two minutes', 'DURATION', 'PT2M'],
  ['2025-10-26', 'The negotiations lasted five minutes before a pause.', 'five minutes', 'DURATION', 'PT5M'],
  ['2025-10-26', 'The negotiations lasted 12 minutes before a pause.', '12 minutes', 'DURATION', 'PT12M'],
  ['2025-10-26', 'The negotiations lasted three minutes before a pause.', 'three minutes', 'DURATION', 'PT3M'],
  ['2025-10-26', 'The embassy reopened two days ago after repairs.', 'two days ago', 'DATE', '2025-10-24'],
  ['2025-10-26', 'The embassy reopened three weeks ago after repairs.', 'three weeks ago', 'DATE', '2025-W40'],
  ['2025-10-26', 'The embassy reopened four months ago after repairs.', 'four months ago', 'DATE', '2025-06'],
  ['2025-10-26', 'The embassy reopened five years ago after repairs.', 'five years ago', 'DATE', '2020'],
  ['2025-10-26', 'The embassy reopened ten days ago after repairs.', 'ten days ago', 'DATE', '2025-10-16'],
  ['2025-10-26', 'The embassy reopened six months ago after repairs.', 'six months ago', 'DATE', '2025-04'],
  ['2025-10-26', 'The envoy returns 5 days from now.', '5 days from now', 'DATE', '2025-10-31'],
  ['2025-10-26', 'The ministers decide in a week.', 'in a week', 'DATE', '2025-11-02'],
  ['2016-03-04', 'He said he would return in a week.', 'in a week', 'DATE', '2016-03-11'],
  ['2016-03-04', 'The monitors will report back in 3 days.', 'in 3 days', 'DATE', '2016-03-07'],
  ['2016-03-04', 'The mission ends in a month, the army says.', 'in a month', 'DATE', '2016-04'],
  ['2016-03-04', 'The convoy covered the distance in a week.', 'a week', 'DURATION', 'P1W'],
  ['2025-10-26', 'The ministers decide in two days.', 'in two days', 'DATE', '2025-10-28'],
  ['2025-10-26', 'The ministers decide in three months.', 'in three months', 'DATE', '2026-01'],
  // The cases named in the issue: reporting verbs, future arrangements, infinitive headlines.
  ['2013-03-22', 'The spokesman said Friday that the border stays open.', 'Friday', 'DATE', '2013-03-22'],
  ['2013-03-24', 'The referendum would be held on Monday, the commission said.', 'Monday', 'DATE', '2013-03-25'],
  ['2013-03-24', 'Port City To Host Regional Trade Fair On Monday', 'Monday', 'DATE', '2013-03-25'],
  ['2013-03-24', 'The cabinet is to approve the budget on Wednesday.', 'Wednesday', 'DATE', '2013-03-27'],
  ['2013-03-24', 'The minister plans to visit Seoul on Thursday.', 'Thursday', 'DATE', '2013-03-28'],
  ['2013-03-24', 'The summit is scheduled for Tuesday in Hanoi.', 'Tuesday', 'DATE', '2013-03-26'],
  ['2013-03-24', 'Officials are going to sign the deal on Friday.', 'Friday', 'DATE', '2013-03-29'],
  ['2013-03-24', "They'll announce the results on Saturday.", 'Saturday', 'DATE', '2013-03-30'],
  ['2013-03-24', 'The talks collapsed on Saturday after a long night.', 'Saturday', 'DATE', '2013-03-23'],
  ['2013-03-24', 'This Saturday the alliance will hold a drill.', 'This Saturday', 'DATE', '2013-03-30'],
  ['2013-03-24', 'This Wednesday the ministers meet in Oslo.', 'This Wednesday', 'DATE', '2013-03-27'],
  ['2013-03-24', 'Ministers meet this Wednesday in Oslo.', 'this Wednesday', 'DATE', '2013-03-27'],
  ['2013-03-24', 'Ministers are meeting this Saturday in Oslo.', 'this Saturday', 'DATE', '2013-03-30'],
  ['2025-03-10', 'Foreign Minister Hayashi Yoshimasa met his counterpart in Berlin on 3 March 2025.', '3 March 2025', 'DATE', '2025-03-03'],
  // Ranges and their two ends.
  ['2013-05-01', 'The exhibition ran from 10 - 22 August 2012 in Kyiv.', '10', 'DATE', '2012-08-10'],
  ['2013-05-01', 'The exhibition ran from 10 - 22 August 2012 in Kyiv.', '22 August 2012', 'DATE', '2012-08-22'],
  ['2013-05-01', 'The exhibition ran 10 to 22 August 2012 in Kyiv.', '10', 'DATE', '2012-08-10'],
  ['2014-01-10', 'The mission lasted from Aug 10 - Nov 12, 2013 in total.', 'Aug 10', 'DATE', '2013-08-10'],
  ['2014-01-10', 'The mission lasted from Aug 10 - Nov 12, 2013 in total.', 'Nov 12, 2013', 'DATE', '2013-11-12'],
  ['2014-01-10', 'The forum met on Nov. 29-30 last year in Doha.', 'Nov. 29', 'DATE', '2013-11-29'],
  ['2014-01-10', 'The forum met on Nov. 29-30 last year in Doha.', '30 last year', 'DATE', '2013-11-30'],
  ['2014-01-10', 'The summit will take place on April 24 and 25 in Riga.', 'April 24', 'DATE', '2014-04-24'],
  ['2014-01-10', 'The summit will take place on April 24 and 25 in Riga.', '25', 'DATE', '2014-04-25'],
  // A second day after "or" is an alternative, read as a range's end is (its month, the year carried back).
  ['2013-02-12', 'The runoff is set for Feb. 20 or 21, officials said.', '21', 'DATE', '2013-02-21'],
  ['2013-02-12', 'The strike was called for Jan. 5 or 6, 2011, union leaders said.', 'Jan. 5', 'DATE', '2011-01-05'],
  ['2013-02-12', 'Ferries will dock on March 3 or 4 days after the storm.', '4 days', 'DURATION', 'P4D'],
  // A range's end with no year of its own is the first such day after its start.
  ['2013-02-12', 'The festival ran Feb. 20 - 21 in the old port.', '21', 'DATE', '2012-02-21'],
  ['2013-02-12', 'The festival ran Feb. 20 to March 2 in the old port.', 'March 2', 'DATE', '2012-03-02'],
  ['2013-02-12', 'The fair ran Dec. 30 - Jan. 2 in the old port.', 'Jan. 2', 'DATE', '2013-01-02'],
  ['2014-01-10', 'The loans were paid between 2009 and 2012.', '2009', 'DATE', '2009'],
  ['2014-01-10', 'The loans were paid from 2009 to 2012.', '2012', 'DATE', '2012'],
  ['2014-01-10', 'Exports grew in the years 2009-2012.', '2009-2012', 'DATE', '2009/2012'],
  ['2014-07-10', 'The survey covered the period between March and May.', 'March', 'DATE', '2014-03'],
  ['2014-07-10', 'The survey covered the period between March and May.', 'May', 'DATE', '2014-05'],
  // Years after commas and ordinals, two-digit years, numeric dates.
  ['2016-06-01', 'The report was released on 31st March, 2016 in Delhi.', '31st March, 2016', 'DATE', '2016-03-31'],
  ['2016-06-01', 'Polls closed on Sunday, March, 6th 2016 at dusk.', 'Sunday, March, 6th 2016', 'DATE', '2016-03-06'],
  ['2018-01-02', 'The Deadline is 2018 March 18 for all bids.', '2018 March 18', 'DATE', '2018-03-18'],
  ['1997-01-02', 'The ferry sank on 3 Aug 96 off the coast.', '3 Aug 96', 'DATE', '1996-08-03'],
  // A day without a year, then "in"/"of" and a year: that year (the year stays a mention of its own).
  ['2014-10-15', 'The treaty was signed on Christmas Day in 2011.', 'Christmas Day', 'DATE', '2011-12-25'],
  ['2014-10-15', 'The plant closed on March 3 in 2011 after the flood.', 'March 3', 'DATE', '2011-03-03'],
  ['2014-10-15', 'The plant closed on March 3 in 2011 after the flood.', '2011', 'DATE', '2011'],
  ['2014-10-15', 'They met on Christmas Eve of 2011.', 'Christmas Eve', 'DATE', '2011-12-24'],
  ['2014-10-15', 'Sales peaked on March 3 in the capital.', 'March 3', 'DATE', '2014-03-03'],
  // Two-digit years: from 90 years before the publication year to 9 after it.
  ['2014-10-15', "Troops came home in the summer of '45 after the surrender.", "the summer of '45", 'DATE', '1945-SU'],
  ['2014-10-15', "He has not voted since '45, his son said.", "'45", 'DATE', '1945'],
  ['2014-10-15', 'The records of 12/25/45 were burned.', '12/25/45', 'DATE', '1945-12-25'],
  ['2046-10-15', "The bid for the games of '52 is ready.", "'52", 'DATE', '2052'],
  ['2014-10-15', 'The budget for FY15 passed the house.', 'FY15', 'DATE', '2015'],
  ['2013-01-02', 'The order is dated 2012/8/10 in the archive.', '2012/8/10', 'DATE', '2012-08-10'],
  ['2013-01-02', 'The order is dated 10.08.2012 in the archive.', '10.08.2012', 'DATE', '2012-08-10'],
  ['2013-01-02', 'The order is dated 25/12/2012 in the archive.', '25/12/2012', 'DATE', '2012-12-25'],
  ['2013-01-02', 'The order is dated 12/25/2012 in the archive.', '12/25/2012', 'DATE', '2012-12-25'],
  // Offsets and anaphora.
  ['2025-03-10', 'The ceasefire began on 3 March 2025. Two days later the guns fell silent.', 'Two days later', 'DATE', '2025-03-05'],
  ['2025-03-10', 'The ceasefire began on 3 March 2025. The next day aid trucks crossed.', 'The next day', 'DATE', '2025-03-04'],
  ['2025-03-10', 'The talks opened on 3 March 2025 and collapsed 2 days later.', '2 days later', 'DATE', '2025-03-05'],
  ['2025-03-10', 'The talks opened on 3 March 2025 and collapsed the next day.', 'the next day', 'DATE', '2025-03-04'],
  ['2025-03-10', 'Talks opened on 3 March 2025 and closed the following day.', 'the following day', 'DATE', '2025-03-04'],
  ['2025-03-10', 'Talks opened on 3 March 2025; the following week was quiet.', 'the following week', 'DATE', '2025-W11'],
  ['2025-03-10', 'A truce was declared in January 2024. That month, prices rose.', 'That month', 'DATE', '2024-01'],
  ['2025-03-10', 'Troops left on 3 March 2025, and the same day the border reopened.', 'the same day', 'DATE', '2025-03-03'],
  ['2025-03-10', 'The embassy was attacked on 3 March 2025. Earlier that day, a warning came.', 'Earlier that day', 'DATE', '2025-03-03'],
  ['2025-03-10', 'The accord fell apart in 2019. Later that year, new talks began.', 'Later that year', 'DATE', '2019'],
  // A day anaphor after a month or a year: a day of it, unknown (not an older date naming a day).
  ['2025-03-10', 'Envoys met on 3 March 2025. The plan was drafted last October, and that same day it leaked.', 'that same day', 'DATE', '2024-10-XX'],
  ['2025-03-10', 'The border closed in 2019. The same day, flights stopped.', 'The same day', 'DATE', '2019-XX-XX'],
  ['2025-03-10', 'The talks end 2 weeks after yesterday.', '2 weeks after yesterday', 'DATE', '2025-03-23'],
  ['2025-03-10', 'The report was filed 2 days before 5 March 2025.', '2 days before 5 March 2025', 'DATE', '2025-03-03'],
  ['2025-03-10', 'The envoy left the day before yesterday.', 'the day before yesterday', 'DATE', '2025-03-08'],
  ['2025-03-10', 'The envoy arrives the day after tomorrow.', 'the day after tomorrow', 'DATE', '2025-03-12'],
  ['2025-03-10', 'The inspectors must report within 3 days.', '3 days', 'DURATION', 'P3D'],
  ['2025-03-10', 'The minister resigned yesterday.', 'yesterday', 'DATE', '2025-03-09'],
  ['2025-03-10', 'The minister resigns tomorrow.', 'tomorrow', 'DATE', '2025-03-11'],
  ['2025-03-10', 'The office opened a decade ago in Lima.', 'a decade ago', 'DATE', '2015'],
  ['2025-03-10', 'The office opened about a decade ago in Lima.', 'about a decade ago', 'DATE', '2015', 'APPROX'],
  // Seasons, quarters, halves, fiscal years.
  ['2024-07-14', 'Exports fell this summer across the bloc.', 'this summer', 'DATE', '2024-SU'],
  ['2024-07-14', 'Exports fell last summer across the bloc.', 'last summer', 'DATE', '2023-SU'],
  ['2024-07-14', 'Exports may recover next summer across the bloc.', 'next summer', 'DATE', '2025-SU'],
  ['2024-07-14', 'The port froze last winter for weeks.', 'last winter', 'DATE', '2023-WI'],
  ['2024-07-14', 'The port may freeze next winter again.', 'next winter', 'DATE', '2024-WI'],
  ['2024-07-14', 'Rains came last spring to the valley.', 'last spring', 'DATE', '2024-SP'],
  ['2024-07-14', 'Harvests improved last fall in the south.', 'last fall', 'DATE', '2023-FA'],
  ['2024-07-14', 'Harvests should improve this autumn in the south.', 'this autumn', 'DATE', '2024-FA'],
  ['2024-07-14', 'Protests began in the summer of 2019 downtown.', 'the summer of 2019', 'DATE', '2019-SU'],
  ['2024-07-14', 'Protests began in winter 2010 downtown.', 'winter 2010', 'DATE', '2010-WI'],
  ['2024-07-14', 'Growth slowed in the third quarter of 2023.', 'the third quarter of 2023', 'DATE', '2023-Q3'],
  ['2024-07-14', 'Growth slowed in the first quarter.', 'the first quarter', 'DATE', '2024-Q1'],
  ['2024-07-14', 'Growth slowed in Q2 2022 across the region.', 'Q2 2022', 'DATE', '2022-Q2'],
  ['2024-07-14', 'Growth will pick up in the second half of 2025.', 'the second half of 2025', 'DATE', '2025-H2'],
  ['2024-07-14', 'Growth will pick up in the second half of the year.', 'the second half of the year', 'DATE', '2024-H2'],
  ['2024-07-14', 'Spending rose in the fourth quarter of last year.', 'the fourth quarter of last year', 'DATE', '2023-Q4'],
  ['2024-07-14', 'The deficit narrowed in fiscal 2023.', 'fiscal 2023', 'DATE', '2023'],
  ['2024-07-14', 'The deficit narrowed in fiscal year 2022.', 'fiscal year 2022', 'DATE', '2022'],
  ['2024-07-14', 'The deficit will narrow this fiscal year.', 'this fiscal year', 'DATE', '2024'],
  ['2024-07-14', 'The deficit narrowed last fiscal year.', 'last fiscal year', 'DATE', '2023'],
  // Decades, centuries, modifiers.
  ['2024-07-14', 'The border was drawn in the 20th century.', 'the 20th century', 'DATE', '19'],
  ['2024-07-14', 'The border was drawn in the 19th century.', 'the 19th century', 'DATE', '18'],
  ['2024-07-14', 'The challenge is the defining one of the 21st century.', 'the 21st century', 'DATE', '20'],
  ['2024-07-14', 'Borders shifted in the twentieth century.', 'the twentieth century', 'DATE', '19'],
  ['2024-07-14', 'The fort was built in the late 19th century.', 'late 19th century', 'DATE', '18', 'END'],
  ['2024-07-14', 'The fort was built in the mid-18th century.', 'mid-18th century', 'DATE', '17', 'MID'],
  ['2024-07-14', 'The port grew rich in the early 1900s.', 'early 1900s', 'DATE', '19', 'START'],
  ['2024-07-14', 'The port grew rich in the 1800s.', '1800s', 'DATE', '18'],
  ['2024-07-14', 'The port grew rich in the 2000s.', '2000s', 'DATE', '200X'],
  ['2024-07-14', 'The treaty was signed on the 12th of March.', '12th of March', 'DATE', '2024-03-12'],
  ['2024-07-14', 'The treaty was signed on the 3rd of May 2011.', '3rd of May 2011', 'DATE', '2011-05-03'],
  ['2024-07-14', 'The bank reported weak first-quarter profits.', 'first-quarter', 'DATE', '2024-Q1'],
  ['2024-07-14', 'The bank will report third-quarter profits.', 'third-quarter', 'DATE', '2024-Q3'],
  ['2024-07-14', 'Trade boomed in the 1990s.', '1990s', 'DATE', '199X'],
  ['2024-07-14', 'Trade boomed in the early 1990s.', 'early 1990s', 'DATE', '199X', 'START'],
  ['2024-07-14', 'Trade boomed in the late 1980s.', 'late 1980s', 'DATE', '198X', 'END'],
  ['2024-07-14', 'Trade boomed in the mid-1970s.', 'mid-1970s', 'DATE', '197X', 'MID'],
  ['2024-07-14', 'The dam was finished in early March.', 'early March', 'DATE', '2024-03', 'START'],
  ['2024-07-14', 'The dam was finished in late May.', 'late May', 'DATE', '2024-05', 'END'],
  ['2024-07-14', 'The dam was finished in mid-June.', 'mid-June', 'DATE', '2024-06', 'MID'],
  ['2024-07-14', 'Reserves run low by the end of the year.', 'the end of the year', 'DATE', '2024', 'END'],
  ['2024-07-14', 'Reserves ran low at the beginning of the month.', 'the beginning of the month', 'DATE', '2024-07', 'START'],
  ['2024-07-14', 'Reserves run low by the end of 2025.', 'the end of 2025', 'DATE', '2025', 'END'],
  ['2024-07-14', 'The siege lasted about two weeks in all.', 'about two weeks', 'DURATION', 'P2W', 'APPROX'],
  ['2024-07-14', 'The siege lasted more than four months in all.', 'more than four months', 'DURATION', 'P4M', 'MORE_THAN'],
  ['2024-07-14', 'The siege lasted at least 72 hours in all.', 'at least 72 hours', 'DURATION', 'PT72H', 'EQUAL_OR_MORE'],
  ['2024-07-14', 'The siege lasted nearly five years in all.', 'nearly five years', 'DURATION', 'P5Y', 'LESS_THAN'],
  ['2024-07-14', 'The siege lasted less than a month in all.', 'less than a month', 'DURATION', 'P1M', 'LESS_THAN'],
  // On a date counted from another, a quantity's modifier is a point's (TIMEX3: BEFORE/AFTER, not MORE_THAN/LESS_THAN).
  ['2016-03-04', 'The movement was founded more than four decades ago in exile.', 'more than four decades ago', 'DATE', '1976', 'BEFORE'],
  ['2016-03-04', 'The fund was created less than a year ago by donors.', 'less than a year ago', 'DATE', '2015', 'AFTER'],
  ['2016-03-04', 'The pact was signed at least ten years ago in Oslo.', 'at least ten years ago', 'DATE', '2006', 'ON_OR_BEFORE'],
  ['2016-03-04', 'The rebels came back on 3 May 2015 and left more than two days later.', 'more than two days later', 'DATE', '2015-05-05', 'AFTER'],
  // References to the present, past and future.
  ['2024-07-14', 'The envoy is now in Nairobi.', 'now', 'DATE', 'PRESENT_REF'],
  ['2024-07-14', 'The envoy currently lives in Nairobi.', 'currently', 'DATE', 'PRESENT_REF'],
  ['2024-07-14', 'The current round of talks is stalled.', 'current', 'DATE', 'PRESENT_REF'],
  ['2024-07-14', 'Such raids were common in the past.', 'the past', 'DATE', 'PAST_REF'],
  ['2024-07-14', 'Such raids may return in the future.', 'the future', 'DATE', 'FUTURE_REF'],
  ['2024-07-14', 'Nowadays the crossing is quiet.', 'Nowadays', 'DATE', 'PRESENT_REF'],
  // Durations.
  ['2024-07-14', 'The blockade lasted several months before it ended.', 'several months', 'DURATION', 'PXM'],
  ['2024-07-14', 'The rebels held the town for a few weeks.', 'a few weeks', 'DURATION', 'PXW'],
  ['2024-07-14', 'The rebels held the town for years.', 'years', 'DURATION', 'PXY'],
  ['2024-07-14', 'Prices rose sharply in recent days.', 'recent days', 'DURATION', 'PXD'],
  ['2024-07-14', 'The pilots flew a 16-hour mission.', '16-hour', 'DURATION', 'PT16H'],
  ['2024-07-14', 'The president made a one-day visit.', 'one-day', 'DURATION', 'P1D'],
  ['2024-07-14', 'A 14-day quarantine applies to crews.', '14-day', 'DURATION', 'P14D'],
  ['2024-07-14', 'The vote follows a decades-long dispute.', 'decades-long', 'DURATION', 'PXY'],
  ['2024-07-14', 'Investment tripled over the past decade.', 'the past decade', 'DURATION', 'P10Y'],
  ['2024-07-14', 'Investment tripled over the past five years.', 'the past five years', 'DURATION', 'P5Y'],
  ['2024-07-14', 'Investment will triple over the next two years.', 'the next two years', 'DURATION', 'P2Y'],
  ['2024-07-14', 'Investment will grow in the coming years.', 'the coming years', 'DURATION', 'PXY'],
  ['2024-07-14', 'The crew waited 5 1/2 hours on the tarmac.', '5 1/2 hours', 'DURATION', 'PT5H30M'],
  ['2024-07-14', 'A 44-year-old driver was detained.', null, null, null],
  // Sets.
  ['2024-07-14', 'The council meets every week in the old hall.', 'every week', 'SET', 'P1W'],
  ['2024-07-14', 'The council meets every day during the crisis.', 'every day', 'SET', 'P1D'],
  ['2024-07-14', 'The council meets every Monday in the old hall.', 'every Monday', 'SET', 'XXXX-WXX-1'],
  // Weekdays in the plural, and a part of every such day: SETs, not the next or last such day.
  ['2024-07-14', 'The fish market is closed on Sundays, the mayor said.', 'Sundays', 'SET', 'XXXX-WXX-7'],
  ['2024-07-14', 'Volunteers staff the shelter weekends and holidays.', 'weekends', 'SET', 'XXXX-WXX-WE'],
  ['2024-07-14', 'The night ferry sails on Tuesday nights from the old quay.', 'Tuesday nights', 'SET', 'XXXX-WXX-2TNI'],
  ['2024-07-14', 'Two extra trains will run on Friday and Saturday evenings.', 'Friday', 'SET', 'XXXX-WXX-5TEV'],
  ['2024-07-14', 'Two extra trains will run on Friday and Saturday evenings.', 'Saturday evenings', 'SET', 'XXXX-WXX-6TEV'],
  ['2024-07-14', 'Youths clashed with police on Friday and Saturday nights in the suburb.', 'Saturday nights', 'TIME', '2024-07-13TNI'],
  ['2024-07-14', 'Youths clashed with police on Friday and Saturday nights in the suburb.', 'Friday', 'TIME', '2024-07-12TNI'],
  ['2024-07-14', 'Floods return each winter to the delta.', 'each winter', 'SET', 'XXXX-WI'],
  ['2024-07-14', 'Floods return each season to the delta.', 'each season', 'SET', 'P3M'],
  ['2024-07-14', 'The ministry publishes figures daily.', 'daily', 'SET', 'P1D'],
  ['2024-07-14', 'The ministry publishes figures weekly.', 'weekly', 'SET', 'P1W'],
  ['2024-07-14', 'The ministry publishes figures monthly.', 'monthly', 'SET', 'P1M'],
  ['2024-07-14', 'The fair is held annually in the capital.', 'annually', 'SET', 'P1Y'],
  ['2024-07-14', 'Elections are held every four years.', 'every four years', 'SET', 'P4Y'],
  ['2024-07-14', 'Aid convoys reach the valley every few days.', 'every few days', 'SET', 'PXD'],
  ['2024-07-14', 'The river floods every several years, farmers say.', 'every several years', 'SET', 'PXY'],
  // Times of day. A part of a named day is a TIME on that day (`…TMO`, `…TAF`, `…TEV`, `…TNI`, the TIMEX3 guidelines' codes); clock times are TIME.
  ['2013-03-22', 'The blast hit the market on Friday morning.', 'Friday morning', 'TIME', '2013-03-22TMO'],
  ['2013-03-22', 'Crowds gathered Wednesday night outside the palace.', 'Wednesday night', 'TIME', '2013-03-20TNI'],
  ['2013-03-22', 'Crowds gathered Thursday evening outside the palace.', 'Thursday evening', 'TIME', '2013-03-21TEV'],
  ['2013-03-22', 'The leaders will speak tonight on television.', 'tonight', 'TIME', '2013-03-22TNI'],
  ['2013-03-22', 'The leaders spoke this morning on television.', 'this morning', 'TIME', '2013-03-22TMO'],
  ['2013-03-22', 'Shelling resumed last night near the airport.', 'last night', 'TIME', '2013-03-21TNI'],
  ['2013-03-22', 'The blast happened at 10:35 a.m. near the station.', '10:35 a.m', 'TIME', '2013-03-22T10:35'],
  ['2013-03-22', 'The ultimatum will expire at 9 p.m. Saturday.', '9 p.m. Saturday', 'TIME', '2013-03-23T21:00'],
  ['2013-03-22', 'The session opened yesterday afternoon.', 'yesterday afternoon', 'TIME', '2013-03-21TAF'],
  ['2013-03-22', 'Her speech on Saturday night\'s broadcast drew protests.', 'Saturday night', 'TIME', '2013-03-16TNI'],
  ['2013-03-20', 'The talks broke up on Monday; the next morning the envoy left.', 'the next morning', 'TIME', '2013-03-19TMO'],
  ['2016-03-04', 'Rebels shelled the port on Friday afternoon, officials said.', 'Friday afternoon', 'TIME', '2016-03-04TAF'],
  ['2016-03-04', 'The cabinet will meet Monday evening to vote.', 'Monday evening', 'TIME', '2016-03-07TEV'],
  ['2016-03-04', 'The envoy landed on Tuesday night, March 1, in the capital.', 'Tuesday night, March 1', 'TIME', '2016-03-01TNI'],
  ['2016-03-04', 'The trucks crossed the border early Thursday morning.', 'early Thursday morning', 'TIME', '2016-03-03TMO', 'START'],
  // Clock times in every common spelling.
  ['2013-03-22', 'The convoy will leave at 4 in the morning from the port.', '4 in the morning', 'TIME', '2013-03-22T04:00'],
  ['2013-03-22', 'The curfew begins at 10 in the evening across the city.', '10 in the evening', 'TIME', '2013-03-22T22:00'],
  ['2013-03-22', 'Shots rang out at 11 at night near the barracks.', '11 at night', 'TIME', '2013-03-22T23:00'],
  ['2013-03-22', 'The polls closed at 8pm in the capital.', '8pm', 'TIME', '2013-03-22T20:00'],
  ['2013-03-22', 'The polls closed at 8 PM in the capital.', '8 PM', 'TIME', '2013-03-22T20:00'],
  ['2013-03-22', 'The shelling stopped at 14:30 local time on the front.', '14:30 local time', 'TIME', '2013-03-22T14:30'],
  ['2013-03-22', 'The blast was heard at 0715 GMT near the harbour.', '0715 GMT', 'TIME', '2013-03-22T07:15'],
  ['2013-03-22', 'The ceasefire took hold at 06:00 on Thursday.', '06:00 on Thursday', 'TIME', '2013-03-21T06:00'],
  ['2013-03-22', 'The envoy arrived at 9 o\'clock at the gate.', '9 o\'clock', 'TIME', '2013-03-22T09:00'],
  ['2013-03-22', 'The home side led 3:45 into the second half.', null, null, null],
  ['2013-03-22', 'The bus carried 1430 passengers in a week of trips.', 'a week', 'DURATION', 'P1W'],
  // "Now" opening a sentence is a discourse marker; inside a clause it is the present.
  // "a future", "a brighter future": a kind of future, not the time ahead; "the future" is FUTURE_REF.
  ['2013-03-22', 'Both parties promise a future in which the border is open.', null, null, null],
  ['2013-03-22', 'The fans chanted may the fourth be with you at the premiere.', null, null, null],
  ['2013-03-22', 'She finished fifth of the ten runners in the final.', null, null, null],
  ['2013-03-22', 'Both parties promise a brighter future for the region.', null, null, null],
  ['2013-03-22', 'Both parties talked about the future of the region.', 'the future', 'DATE', 'FUTURE_REF'],
  ['2013-03-22', 'Now the coalition faces a harder question.', null, null, null],
  ['2013-03-22', 'Now, the minister said, the border will stay shut.', null, null, null],
  ['2013-03-22', 'The border is now closed to trucks.', 'now', 'DATE', 'PRESENT_REF'],
  ['2013-03-22', '"Now is the moment to act," the envoy said on Friday.', 'Friday', 'DATE', '2013-03-22'],
  // A newspaper named "daily" or "weekly" is not a frequency.
  ['2013-03-22', 'The agency updates its casualty count daily.', 'daily', 'SET', 'P1D'],
  // "in" + a quantity: ahead of the publication date, unless the clause is past (then the span it took).
  ['2013-03-22', 'The envoy will return in two weeks.', 'in two weeks', 'DATE', '2013-04-05'],
  ['2013-03-22', 'A third appeal in two weeks was filed on Thursday.', 'two weeks', 'DURATION', 'P2W'],
  // "post-" and "pre-" before a year.
  ['2013-03-22', 'The post-1989 order in Europe is fraying.', 'post-1989', 'DATE', '1989', 'AFTER'],
  ['2013-03-22', 'Exports are back at pre-2008 levels.', 'pre-2008', 'DATE', '2008', 'BEFORE'],
  // A count before a singular unit, after an article, is an adjective: a duration.
  ['2013-03-22', 'The pact ends a nine year negotiation between the two states.', 'nine year', 'DURATION', 'P9Y'],
  // Direction cues: "as soon as", "as early as"; "by"/"until" + date is a deadline or an end ahead unless a past tense governs it.
  ['2016-03-09', 'A ruling is possible as soon as Monday, lawyers said.', 'Monday', 'DATE', '2016-03-14'],
  ['2016-03-09', 'The ministry said a ruling was possible as early as Monday.', 'Monday', 'DATE', '2016-03-14'],
  ['2016-03-09', 'Talks could resume as early as next week.', 'next week', 'DATE', '2016-W11'],
  ['2016-03-09', 'Answers are due by Monday, the ministry says.', 'Monday', 'DATE', '2016-03-14'],
  ['2016-03-09', 'Residents have until Monday to leave the zone.', 'Monday', 'DATE', '2016-03-14'],
  ['2016-03-09', 'The border stays closed until Monday.', 'Monday', 'DATE', '2016-03-14'],
  ['2016-03-09', 'The border remained closed until Monday.', 'Monday', 'DATE', '2016-03-07'],
  ['2016-03-09', 'Deadline for the bids: by Monday.', 'Monday', 'DATE', '2016-03-14'],
  ['2016-03-09', 'The rebels had left the town by Monday.', 'Monday', 'DATE', '2016-03-07'],
  ['2016-03-09', 'By Monday, the rebels had left the town.', 'Monday', 'DATE', '2016-03-07'],
  // The modal of a long verb group still governs: thirteen words back from the date ("will" … "in December").
  ['1998-03-04', 'Air Force Colonel Eileen Collins will be named commander of the space shuttle Columbia for a flight in December.', 'December', 'DATE', '1998-12'],
  ['2016-03-09', 'The chief negotiator of the rebels will be received by the prime minister of the interim government in the capital on Monday.', 'Monday', 'DATE', '2016-03-14'],
  // Anaphora count from the last date written in full, not from the publication year.
  ['2016-03-09', 'The envoys met on 3 November 2014. Earlier that day, rebels fired on the port.', 'Earlier that day', 'DATE', '2014-11-03'],
  ['2016-03-09', 'The envoys met on 3 November 2014. That night, rebels fired on the port.', 'That night', 'TIME', '2014-11-03TNI'],
  ['2016-03-09', 'Rebels fired on the port on Friday night. The next morning the army moved in.', 'The next morning', 'TIME', '2016-03-05TMO'],
  // Postponed until a weekday: the next one, whatever the tense of the verb.
  ['2013-03-22', 'The court postponed until Tuesday its ruling on the appeal.', 'Tuesday', 'DATE', '2013-03-26'],
  ['2013-03-22', 'The ministry extended its deadline until Monday for the bids.', 'Monday', 'DATE', '2013-03-25'],
  ['2013-03-22', 'The talks lasted until Tuesday evening.', 'Tuesday evening', 'TIME', '2013-03-19TEV'],
  // A partial date qualifying a noun ("the Jan. 14 deadline") is not governed by the verb's tense: the nearest.
  ['2000-01-05', 'The agency gave no reason for the Jan. 14 deadline.', 'Jan. 14', 'DATE', '2000-01-14'],
  ['2025-10-26', 'The envoys met in Geneva on November 3 to review the text.', 'November 3', 'DATE', '2025-11-03'],
  // A weekday written with a partial date picks its year; possessive weekdays; colons after dates.
  ['1998-10-25', 'The paper wrote in an editorial on Monday, Oct. 26: the vote matters.', 'Monday, Oct. 26', 'DATE', '1998-10-26'],
  ['2025-07-29', 'The board said it would decide by Friday, 1 August.', 'Friday, 1 August', 'DATE', '2025-08-01'],
  ['2000-01-07', 'Lawyers will try to get around Wednesday\'s ruling in court.', 'Wednesday', 'DATE', '2000-01-05'],
  ['2000-02-24', 'The day before last Tuesday\'s hearing, the family met.', 'The day before last Tuesday', 'DATE', '2000-02-21'],
  ['2000-02-24', 'The hearing is set for the week of March 6 in Miami.', 'the week of March 6', 'DATE', '2000-W10'],
  ['2025-10-26', 'The blast hit a building next to the embassy on Friday.', 'Friday', 'DATE', '2025-10-24'],
  ['2025-10-26', 'The envoy may arrive as soon as Tuesday.', 'Tuesday', 'DATE', '2025-10-28'],
  ['2025-10-26', 'Aid workers warned officials Wednesday that supplies would run out.', 'Wednesday', 'DATE', '2025-10-22'],
  ['2025-10-26', 'The accord will enter into force in April next year.', 'April next year', 'DATE', '2026-04'],
  ['2025-10-26', 'The accord entered into force in February this year.', 'February this year', 'DATE', '2025-02'],
  ['2025-10-26', 'The boy was rescued on Thanksgiving Day last year.', 'Thanksgiving Day last year', 'DATE', '2024-11-28'],
  ['2025-10-26', 'The boy was rescued on Thanksgiving Day.', 'Thanksgiving Day', 'DATE', '2024-11-28'],
  // No tense cue: the nearest (two months ahead rather than ten back).
  ['2025-10-26', 'Markets close on Christmas Day.', 'Christmas Day', 'DATE', '2025-12-25'],
  ['2025-03-10', 'Markets closed on Christmas Day.', 'Christmas Day', 'DATE', '2024-12-25'],
  // Holidays as rows of HOLIDAYS (lexicon.ts): fixed days, nth weekdays, Easter.
  ['1998-10-26', 'The ads will run through Election Day.', 'Election Day', 'DATE', '1998-11-03'],
  ['2012-11-20', 'Turnout on Election Day surprised both campaigns.', 'Election Day', 'DATE', '2012-11-06'],
  ['2024-06-01', 'Wreaths were laid on Memorial Day at the cemetery.', 'Memorial Day', 'DATE', '2024-05-27'],
  ['2025-11-20', 'Wreaths were laid on Veterans Day at the cemetery.', 'Veterans Day', 'DATE', '2025-11-11'],
  ['2025-11-20', 'Election officials counted the ballots.', null, null, null],
  ['2025-11-20', 'A memorial service was held for the victims.', null, null, null],
  ['2025-10-26', 'Markets will close on Christmas Eve.', 'Christmas Eve', 'DATE', '2025-12-24'],
  ['2025-10-26', 'Pilgrims gathered last Easter in the old city.', 'last Easter', 'DATE', '2025-04-20'],
  ['2025-10-26', 'Fireworks lit the sky on New Year\'s Eve.', 'New Year\'s Eve', 'DATE', '2024-12-31'],
  ['2025-10-26', 'The 1959 embargo still shapes trade.', '1959', 'DATE', '1959'],
  ['2025-10-26', 'A 1996 law named after two senators applies.', '1996', 'DATE', '1996'],
  ['2025-10-26', 'Clinics were attacked in 1994, 1995 and 1997.', '1995', 'DATE', '1995'],
  ['2025-10-26', 'The talks ended after a day-long meeting.', 'day-long', 'DURATION', 'P1D'],
  ['2025-10-26', 'The judge ruled at midday in Manhattan.', 'midday', 'TIME', '2025-10-26T12:00'],
  ['2025-10-26', 'The six-year-old boy was returned.', null, null, null],
  // A month of a year.
  ['2025-03-10', 'Fuel prices peaked in March of 2019, the agency said.', 'March of 2019', 'DATE', '2019-03'],
  // Eras.
  ['2013-01-02', 'The city was founded on 10 August 234 BC by settlers.', '10 August 234 BC', 'DATE', 'BC0234-08-10'],
  ['2013-01-02', 'The temple stood from 500 BCE onwards.', '500 BCE', 'DATE', 'BC0500'],
  ['2013-01-02', 'Vesuvius erupted in 79 AD over the bay.', '79 AD', 'DATE', '0079'],
  // Things that are not dates.
  ['2013-03-22', 'A 6.6 magnitude quake hit the coast.', null, null, null],
  ['2013-03-22', 'The bill costs $47 billion over a decade of spending.', 'a decade', 'DURATION', 'P10Y'],
  ['2013-03-22', 'Losses reached 90% of output.', null, null, null],
  ['2013-03-22', 'He watched 60 Minutes on Sunday.', 'Sunday', 'DATE', '2013-03-17'],
  // A range's start without a year comes before its end (issue 13: "between March and May").
  ['2013-03-22', 'The harvest ran between March and May.', 'March', 'DATE', '2012-03'],
  ['2013-03-22', 'The harvest ran between March and May.', 'May', 'DATE', '2012-05'],
  ['2013-03-22', 'The harvest will run between May and July.', 'May', 'DATE', '2013-05'],
  ['2013-03-22', 'The inquiry sat from February to April last year.', 'February', 'DATE', '2012-02'],
  ['2013-09-10', 'Ferries were cancelled between Aug. 28 and Sept. 2.', 'Aug. 28', 'DATE', '2013-08-28'],
  // "and" after the date opens another verb phrase: the cue before the date governs.
  ['2013-03-22', 'Farmers planned a tractor rally in the capital on Saturday and were counting on big crowds.', 'Saturday', 'DATE', '2013-03-23'],
  ['2013-03-22', 'The two envoys spoke on Tuesday and will speak again soon.', 'Tuesday', 'DATE', '2013-03-19'],
  // "each of the last N years" is every one of those years.
  ['2013-03-22', 'Exports shrank in each of the past four years.', 'the past four years', 'SET', 'P1Y'],
  ['2013-03-22', 'Exports shrank over the past four years.', 'the past four years', 'DURATION', 'P4Y'],
  // Generic "today's" is our time, not the day: no date (both gold sets leave it).
  ["2013-03-22", "The minister said today's youth no longer trust parties.", null, null, null],
  ["2013-03-22", "Today's vote was close.", 'Today', 'DATE', '2013-03-22'],
  ["2013-03-22", "In today's crowded media landscape, few papers survive.", null, null, null],
  ["2013-03-22", "Ministers praised today's agreement on the economy.", 'today', 'DATE', '2013-03-22'],
  // Present-tense schedule verbs: the nearer weekday, usually the coming one.
  ['2013-03-20', 'The parliament votes Thursday on the reform.', 'Thursday', 'DATE', '2013-03-21'],
  ['2013-03-20', 'The trade fair, which opens Friday, expects record crowds.', 'Friday', 'DATE', '2013-03-22'],
  ['2013-03-20', 'The envoy leaves for Cairo on Friday.', 'Friday', 'DATE', '2013-03-22'],
  ['2013-03-20', 'The board meets again on April 3.', 'April 3', 'DATE', '2013-04-03'],
  ['2013-03-20', 'The votes Monday went against the government.', 'Monday', 'DATE', '2013-03-18'],
  // The weekend: weeks start on Monday, so the weekend just past is last week's.
  ['2013-03-20', 'Rebels shelled the town over the weekend.', 'the weekend', 'DATE', '2013-W11-WE'],
  ['2013-03-20', 'Rebels may shell the town over the weekend.', 'the weekend', 'DATE', '2013-W12-WE'],
  ['2013-03-18', 'Thousands marched through the city this weekend.', 'this weekend', 'DATE', '2013-W11-WE'],
  ['2013-03-18', 'Rain is forecast for the weekend.', 'the weekend', 'DATE', '2013-W12-WE'],
  ['2013-03-23', 'Crowds gathered in the square this weekend.', 'this weekend', 'DATE', '2013-W12-WE'],
  // A clock time takes the day written right after it, through a conversion in brackets.
  ['2013-03-22', 'The truce took hold at midnight Wednesday.', 'midnight Wednesday', 'TIME', '2013-03-20T24:00'],
  ['2013-03-22', 'A new curfew begins at midnight on Sunday.', 'midnight', 'TIME', '2013-03-24T24:00'],
  ['2013-03-22', 'The dam burst at 4:10 a.m. (0110 GMT) on Tuesday.', '4:10 a.m', 'TIME', '2013-03-19T04:10'],
  ['2013-03-22', 'The dam burst at 4:10 a.m. (0110 GMT) on Tuesday.', '0110 GMT', 'TIME', '2013-03-19T01:10'],
  ['2013-03-22', 'The dam burst at 4:10 a.m. (0110 GMT) on Tuesday.', 'Tuesday', 'DATE', '2013-03-19'],
  ['2013-03-22', 'The dam burst at noon, and on Tuesday the river rose.', 'noon', 'TIME', '2013-03-22T12:00'],
  // "the first (…) in two years": the span up to now, even with no verb in its clause.
  ['2013-03-22', 'The summit, the first in three years, closed on Friday.', 'three years', 'DURATION', 'P3Y'],
  ['2013-03-22', 'The summit, the first meeting in three years, closed on Friday.', 'three years', 'DURATION', 'P3Y'],
  ['2013-03-22', 'The rally in three weeks will test the party.', 'in three weeks', 'DATE', '2013-04-12'],
  // "earlier/later" before an anaphor ("that day") is part of its extent; before "this month" it is not.
  ['2013-03-22', 'Troops left on March 2. Later that day, looters came.', 'Later that day', 'DATE', '2013-03-02'],
  ['2013-03-22', 'The minister resigned earlier this month.', 'this month', 'DATE', '2013-03'],
  ['2013-03-22', 'Later in the day the crowd went home.', null, null, null],
  // Two-digit years after an apostrophe, in the window 1950-2049.
  ['2013-03-22', "The party has not won since '96.", "'96", 'DATE', '1996'],
  ['2013-03-22', "The two sides last met in '08 in Vienna.", "'08", 'DATE', '2008'],
  ["2013-03-22", "Rock 'n' roll filled the hall.", null, null, null],
  // "until" + a date in the present is an end ahead; possibility modals and wishes look ahead.
  ['2013-03-22', 'The visa waiver is valid until Jan. 15.', 'Jan. 15', 'DATE', '2014-01-15'],
  ['2013-03-22', 'The border stayed shut until Jan. 15.', 'Jan. 15', 'DATE', '2013-01-15'],
  ['2013-03-21', 'Up until Tuesday, however, the army had denied it.', 'Tuesday', 'DATE', '2013-03-19'],
  ['2013-03-22', 'Negotiators may return to the table on Monday.', 'Monday', 'DATE', '2013-03-25'],
  ['2013-03-22', 'Negotiators might return to the table on Monday.', 'Monday', 'DATE', '2013-03-25'],
  ['2013-03-22', 'Negotiators may have left the city on Monday.', 'Monday', 'DATE', '2013-03-18'],
  ['2013-03-22', 'In May, negotiators left the city.', 'May', 'DATE', '2012-05'],
  ['2013-03-22', 'The ministry hopes to reopen the bridge by December.', 'December', 'DATE', '2013-12'],
  ['2013-03-22', 'Farmers want the new seed prices by October.', 'October', 'DATE', '2013-10'],
  // A month alone after "for" or "or".
  ['2013-03-22', 'Export figures for January and February were weak.', 'January', 'DATE', '2013-01'],
  ['2013-03-22', 'The census, first planned for April, was put off.', 'April', 'DATE', '2013-04'],
  ['2013-03-22', 'A vote will come in October or November.', 'November', 'DATE', '2013-11'],
  ['2013-03-22', 'The award went to a poem written for April Reyes.', null, null, null],
  // Plain present forms after a subject: the nearer weekday; after a modal or "to", the modal decides.
  ['2013-03-23', 'Party leaders meet Tuesday in the capital.', 'Tuesday', 'DATE', '2013-03-26'],
  ['2013-03-23', 'Party leaders will meet Wednesday in the capital.', 'Wednesday', 'DATE', '2013-03-27'],
  ['2013-03-23', 'Party leaders did not meet Wednesday in the capital.', 'Wednesday', 'DATE', '2013-03-20'],
  ['2013-03-22', 'Both delegations return home on Thursday.', 'Thursday', 'DATE', '2013-03-21'],
  ['2013-03-22', 'Secretary-General Mark Rutte said on Tuesday that allies agreed.', 'Tuesday', 'DATE', '2013-03-19'],
  // Weeks counted from a named day land on a day; "the week of" a day is its week.
  ['2013-03-22', 'The ballots were counted three weeks after Feb. 10.', 'three weeks after Feb. 10', 'DATE', '2013-03-03'],
  ['2013-03-22', 'Talks resume the week of April 8.', 'the week of April 8', 'DATE', '2013-W15'],
  // A future weekday equal to the publication day is that day (wire style); "next" moves it a week.
  ['2013-03-22', 'The foreign minister will brief parliament on Friday.', 'Friday', 'DATE', '2013-03-22'],
  ['2013-03-22', 'The foreign minister will brief parliament next Friday.', 'next Friday', 'DATE', '2013-03-29'],
  // A range of years whose end is written with two digits.
  ['2013-03-22', 'The border war of 1980-88 left deep scars.', '1980-88', 'DATE', '1980/1988'],
  ['2013-03-22', 'Club revenue in the 2012-13 season fell.', '2012-13', 'DATE', '2012/2013'],
  ['2013-03-22', 'Reserves were rebuilt in 1999-00, officials said.', '1999-00', 'DATE', '1999/2000'],
  ['2013-03-22', 'The paper is dated 2012-03-14 in the archive.', '2012-03-14', 'DATE', '2012-03-14'],
  // Halves and quarters as business copy spells them: "H2 2013", "2012-H1", "2011-Q4".
  ['2013-03-22', 'The chain expects margins to recover in H2 2013.', 'H2 2013', 'DATE', '2013-H2'],
  ['2013-03-22', 'Freight volumes for 2012-H1 were revised down.', '2012-H1', 'DATE', '2012-H1'],
  ['2013-03-22', 'Exports in 2011-Q4 beat forecasts.', '2011-Q4', 'DATE', '2011-Q4'],
  ['2013-03-22', 'An H5N1 outbreak hit farms in the delta.', null, null, null],
  // "the year/month/week before/after" alone is anaphoric; "the year before last" counts from the publication date.
  ['2013-03-22', 'Turnout climbed in 2010. The year before, it had dipped.', 'The year before', 'DATE', '2009'],
  ['2013-03-22', 'Grain sold well in May 2012 but poorly the month after.', 'the month after', 'DATE', '2012-06'],
  ['2013-03-22', 'Rents were lower the year before last, the agency said.', 'the year before last', 'DATE', '2011'],
  ['2013-03-22', 'Two envoys had quit the week before the summit.', null, null, null],
  // A year after "for", "with", "over", "than", "year" when no noun follows it; a year as the subject of its sentence.
  ['2013-03-22', 'The second round is set for 2014.', '2014', 'DATE', '2014'],
  ['2013-03-22', 'Budget forecasts for 2013 and 2014 were cut.', '2013', 'DATE', '2013'],
  ['2013-03-22', 'Tariffs were higher compared with 2011, the report found.', '2011', 'DATE', '2011'],
  ['2013-03-22', 'Few expected the year 2000 to pass so quietly.', '2000', 'DATE', '2000'],
  ['2013-03-22', 'Rains failed again. 2012 was the driest year on record.', '2012', 'DATE', '2012'],
  ['2013-03-22', 'The charity bought blankets for 2000 families.', null, null, null],
  ['2013-03-22', 'Council resolution 1973 authorized the strikes.', null, null, null],
  // The publication date's decade and its neighbours; "the past decade" and "the last decade" stay spans.
  ['2013-03-22', 'Reform has stalled this decade, critics say.', 'this decade', 'DATE', '201X'],
  ['2013-03-22', 'The dam was finished last decade.', 'last decade', 'DATE', '200X'],
  ['2013-03-22', 'A census is planned before the end of the decade.', 'the end of the decade', 'DATE', '201X', 'END'],
  ['2013-03-22', 'Sea levels may rise a metre by the end of the century.', 'the end of the century', 'DATE', '20', 'END'],
  ['2013-03-22', 'Rents have doubled over the last decade.', 'the last decade', 'DURATION', 'P10Y'],
  // A frequency opening its sentence.
  ['2013-03-22', 'Once a year, the elders meet in the valley.', 'Once a year', 'SET', 'P1Y'],
  ['2013-03-22', 'Twice a month the ferry calls at the island.', 'Twice a month', 'SET', 'P1M'],
  // "within" + a plural unit alone: an unspecified span.
  ['2013-03-22', 'Rescuers reached the village within hours of the quake.', 'hours', 'DURATION', 'PTXH'],
  ['2013-03-22', 'The envoy expects a reply within weeks.', 'weeks', 'DURATION', 'PXW'],
  // "in" + a plural unit after a superlative or "the first time": the span up to now.
  ['2013-03-22', 'The river crested at its highest level in decades.', 'decades', 'DURATION', 'PXY'],
  ['2013-03-22', 'The two rivals shook hands for the first time in years.', 'years', 'DURATION', 'PXY'],
  ['2013-03-22', 'Grain was traded in months of short supply.', null, null, null],
  // A holiday names a day: offsets count from it.
  ['2013-03-22', 'The stores reopened the day after Christmas.', 'the day after Christmas', 'DATE', '2012-12-26'],
  ['2013-03-22', 'Voting closed two days before Thanksgiving.', 'two days before Thanksgiving', 'DATE', '2012-11-20'],
  // Business copy: halves, the latest quarter, the same quarter a year before, spans of months.
  ['2013-08-02', 'Operating profit doubled in the first half, the retailer said.', 'the first half', 'DATE', '2013-H1'],
  ['2013-08-02', 'The chain expects sales to recover in the second half.', 'the second half', 'DATE', '2013-H2'],
  ['2013-02-14', 'Exports fell in 2012. In the second half, shipments to Asia slumped.', 'the second half', 'DATE', '2012-H2'],
  ['2013-02-14', 'Orders have shrunk every year since 2009; in the fourth quarter they fell 3%.', 'the fourth quarter', 'DATE', '2012-Q4'],
  ['2013-08-02', 'First-half revenue rose 4 percent at the brewer.', 'First-half', 'DATE', '2013-H1'],
  ['2013-03-22', 'The striker scored twice in the first half of the match.', null, null, null],
  ['2013-10-30', 'Net income rose 8% in the first nine months of the year.', 'the first nine months', 'DURATION', 'P9M'],
  ['2013-04-25', "Earnings rose in 2013's first quarter, the bank said.", "2013's first quarter", 'DATE', '2013-Q1'],
  ['2013-04-25', 'Margins narrowed in the latest quarter at the insurer.', 'the latest quarter', 'DATE', '2013-Q1'],
  ['2013-04-25', 'Revenue grew 6% in the most recent quarter.', 'the most recent quarter', 'DATE', '2013-Q1'],
  ['2013-04-25', 'Profit was 40 cents a share in the first quarter, against 31 cents in the year-earlier quarter.', 'the year-earlier quarter', 'DATE', '2012-Q1'],
  ['2013-04-25', 'Sales reached $2.1 billion, up from $1.9 billion in the year-ago period.', 'the year-ago period', 'DATE', '2012-Q1'],
  ['2013-08-02', 'Sales in 2012 were flat; in the first half they matched the year-ago period.', 'the year-ago period', 'DATE', '2011-H1'],
  ['2013-03-22', 'The utility pays its dividend quarterly.', 'quarterly', 'SET', 'P3M'],
  ['2013-04-25', 'Orders rose 3% in the first quarter from the previous quarter.', 'the previous quarter', 'DATE', '2012-Q4'],
  ['2013-04-25', 'Margins were thinner in the prior quarter.', 'the prior quarter', 'DATE', '2013-Q1'],
  ['2013-04-25', 'Exports fell in February, while the year-ago period saw growth.', 'the year-ago period', 'DATE', '2012-02'],
  // "this past" + weekend or weekday: the one just gone.
  ['2013-03-25', 'The two sides signed the accord this past weekend.', 'this past weekend', 'DATE', '2013-W12-WE'],
  ['2013-03-22', 'Ministers met this past Monday in Brussels.', 'this past Monday', 'DATE', '2013-03-18'],
  // A weekday named by the word before it: a holiday, or a name that is no date.
  ['2013-03-22', 'Traders still recall the crash known as Black Monday.', null, null, null],
  ['2013-03-22', 'Voters in ten states go to the polls on Super Tuesday.', null, null, null],
  ['2013-03-22', 'Pilgrims will gather in the square on Good Friday.', 'Good Friday', 'DATE', '2013-03-29'],
  ['2013-04-10', 'Banks were closed on Easter Monday.', 'Easter Monday', 'DATE', '2013-04-01'],
  ['2013-12-02', 'Retailers reported record sales on Black Friday.', 'Black Friday', 'DATE', '2013-11-29'],
  ['2013-12-02', 'Online sales are expected to peak on Cyber Monday.', 'Cyber Monday', 'DATE', '2013-12-02'],
  ['2013-03-22', 'Foreign Minister Lavrov Monday rejected the plan.', 'Monday', 'DATE', '2013-03-18'],
  ['2013-03-22', 'The Cabinet Tuesday approved the budget.', 'Tuesday', 'DATE', '2013-03-19'],
  // "current" + a period: the publication date's.
  ['2013-03-20', 'Output is forecast to grow in the current quarter.', 'the current quarter', 'DATE', '2013-Q1'],
  ['2013-03-20', 'The plan covers the current fiscal year.', 'the current fiscal year', 'DATE', '2013'],
  // Years counted from a month or a quarter keep it.
  ['2013-03-20', 'The airline flew more passengers in February than a year earlier.', 'a year earlier', 'DATE', '2012-02'],
  ['2013-04-25', 'Profit rose in the first quarter from a year earlier.', 'a year earlier', 'DATE', '2012-Q1'],
  // Holidays in the possessive, and more United States ones by rule.
  ['2013-03-20', "Bagpipers marched through the city on St. Patrick's Day.", "St. Patrick's Day", 'DATE', '2013-03-17'],
  ['2013-03-20', "Flower prices spiked ahead of Valentine's Day.", "Valentine's Day", 'DATE', '2013-02-14'],
  ['2013-03-20', "Restaurants expect full tables on Mother's Day.", "Mother's Day", 'DATE', '2013-05-12'],
  ['2013-03-20', 'The walkout ended just before Labor Day.', 'Labor Day', 'DATE', '2012-09-03'],
  ['2013-03-20', "Banks were closed for Presidents' Day.", "Presidents' Day", 'DATE', '2013-02-18'],
  ['2013-03-20', "His mother's day job paid little.", null, null, null],
  // Noon or midnight before its day.
  ['2013-03-20', 'The deadline for bids is midnight Friday.', 'midnight Friday', 'TIME', '2013-03-22T24:00'],
  // "This time last year": the publication day a year back (day precision), or ahead.
  ['2013-03-22', 'Fuel costs more than this time last year, drivers complain.', 'this time last year', 'DATE', '2012-03-22'],
  ['2013-03-22', 'The bridge should be open by this time next year.', 'this time next year', 'DATE', '2014-03-22'],
  ['2012-02-29', 'Rainfall is below this time last year in the north.', 'this time last year', 'DATE', '2011-02-28'],
  // Year-end and month-end: the publication year or month with mod END.
  ['2013-03-22', 'The lender plans to close the branch by year-end.', 'year-end', 'DATE', '2013', 'END'],
  ['2013-03-22', 'Staff bonuses are paid at the year-end.', 'the year-end', 'DATE', '2013', 'END'],
  ['2013-03-22', "The ministry expects the deficit to shrink at year's end.", "year's end", 'DATE', '2013', 'END'],
  ['2013-03-22', 'Funds rebalance their holdings at month-end.', 'month-end', 'DATE', '2013-03', 'END'],
  // "This past week/year" is a DATE (the week or year holding the middle of the span up to the
  // publication date); "the past week" a DURATION.
  ['2013-03-22', 'The envoys met three times this past week.', 'this past week', 'DATE', '2013-W12'],
  ['2013-03-18', 'The envoys met three times this past week.', 'this past week', 'DATE', '2013-W11'],
  ['2013-03-22', 'Exports slumped this past year.', 'this past year', 'DATE', '2012'],
  ['2013-11-20', 'Exports slumped this past year.', 'this past year', 'DATE', '2013'],
  ['2013-03-22', 'Fighting has intensified over the past week.', 'the past week', 'DURATION', 'P1W'],
  // "On the 25th": a day with no month: the previous date's month, else the publication month (by the tense).
  ['2013-03-22', 'The envoys will come back on the 25th to sign.', 'the 25th', 'DATE', '2013-03-25'],
  ['2013-03-22', 'The envoys came back on the 25th to sign.', 'the 25th', 'DATE', '2013-02-25'],
  ['2013-03-22', 'The envoys will come back on the 2nd, the ministry said.', 'the 2nd', 'DATE', '2013-04-02'],
  ['2013-03-22', 'The fleet sailed on 3 February 2012 and docked on the 25th.', 'the 25th', 'DATE', '2012-02-25'],
  ['2013-03-22', 'The city marked the 25th anniversary of the accord.', null, null, null],
  ['2013-03-22', 'Soldiers of the 25th Infantry Division paraded.', null, null, null],
  // A quarter by its months; "the three months to June" is a span (DURATION) and its end (DATE).
  ['2013-03-22', 'Exports grew in the January-March quarter, the agency said.', 'the January-March quarter', 'DATE', '2013-Q1'],
  ['2013-08-02', 'Exports grew in the April-June period, the agency said.', 'the April-June period', 'DATE', '2013-Q2'],
  ['2013-08-02', 'Imports shrank in the July-December period of 2012.', 'the July-December period of 2012', 'DATE', '2012-H2'],
  ['2013-08-02', 'Tax receipts fell in the January-June period, the ministry said.', 'the January-June period', 'DATE', '2013-H1'],
  ['2013-08-02', 'Rainfall was low in the March-May period across the south.', 'March', 'DATE', '2013-03'],
  ['2013-03-22', 'Exports grew in the October-December quarter, the agency said.', 'the October-December quarter', 'DATE', '2012-Q4'],
  ['2013-03-22', 'Exports will grow in the April-June quarter, the agency said.', 'the April-June quarter', 'DATE', '2013-Q2'],
  ['2013-03-22', 'Exports grew in the July-September quarter of 2011.', 'the July-September quarter of 2011', 'DATE', '2011-Q3'],
  ['2013-03-22', 'Exports grew 4% in the three months to June, the agency said.', 'three months', 'DURATION', 'P3M'],
  ['2013-03-22', 'Exports grew 4% in the three months to June, the agency said.', 'June', 'DATE', '2012-06'],
  ['2013-08-02', 'Profit rose in the six months to June 30, the bank said.', 'six months', 'DURATION', 'P6M'],
  ['2013-08-02', 'Profit rose in the six months to June 30, the bank said.', 'June 30', 'DATE', '2013-06-30'],
  // Mid-decade, mid-century, the turn of the century.
  ['2013-03-22', 'The mine should reopen by mid-decade, the company said.', 'mid-decade', 'DATE', '201X', 'MID'],
  ['2013-03-22', 'Emissions must fall to zero by mid-century, the report said.', 'mid-century', 'DATE', '20', 'MID'],
  ['2013-03-22', 'The harbour was dredged around the turn of the century.', 'the turn of the century', 'DATE', '2000', 'APPROX'],
  ['1998-03-22', 'The line will be finished by the turn of the century.', 'the turn of the century', 'DATE', '2000', 'APPROX'],
  // Recurrences: a weekday of each month, every other unit, a count per period (freq in its own test below).
  ['2013-03-20', 'The club meets on the first Monday of each month.', 'the first Monday of each month', 'SET', 'P1M'],
  ['2013-03-20', 'The market opens on the last Friday of every month.', 'the last Friday of every month', 'SET', 'P1M'],
  ['2013-03-20', 'The club meets on the first Monday of each month.', null, null, null],
  ['2013-03-20', 'Inspectors visit the camp every other week, he said.', 'every other week', 'SET', 'P2W'],
  ['2013-03-20', 'The buses run every other day during the strike.', 'every other day', 'SET', 'P2D'],
  ['2013-03-20', 'The board meets twice a year in the capital.', 'twice a year', 'SET', 'P1Y'],
  ['2013-03-20', 'Patrols pass 10 times a day near the border.', '10 times a day', 'SET', 'P1D'],
  // A span and the date it ends at are two mentions (the span's range: its own test below).
  ['2013-11-05', 'Sales rose 4% in the 12 months through September, the firm said.', '12 months', 'DURATION', 'P12M'],
  ['2013-11-05', 'Sales rose 4% in the 12 months through September, the firm said.', 'September', 'DATE', '2013-09'],
  ['2013-03-22', 'Imports fell in the seven days to Sunday, traders said.', 'Sunday', 'DATE', '2013-03-17'],
  // Business copy referring back: "in the quarter", "the period", "for the year".
  ['2013-03-22', 'In the fourth quarter, profit rose 5%. Revenue in the quarter rose 2%.', 'the quarter', 'DATE', '2012-Q4'],
  ['2013-03-22', 'Fourth-quarter profit rose 5%, the firm said Monday. In the quarter, costs fell.', 'the quarter', 'DATE', '2012-Q4'],
  ['2013-03-22', 'In the fourth quarter, profit rose 5% from a year earlier. For the year, sales rose 3%.', 'the year', 'DATE', '2012'],
  ['2013-03-22', 'In the fourth quarter, profit rose 5% from a year earlier. For the year, sales rose 3%.', 'a year earlier', 'DATE', '2011-Q4'],
  ['2013-08-02', 'Profit rose in the first half of 2013. Costs for the period fell.', 'the period', 'DATE', '2013-H1'],
  ['2013-03-22', 'Exports fell in 2012. For the year, imports rose 4%.', 'the year', 'DATE', '2012'],
  ['2013-03-22', 'The bank raised its growth forecast for the year.', 'the year', 'DATE', '2013'],
  ['2013-03-22', 'Shops closed in the old city and residents stayed in the quarter.', null, null, null],
  ['2013-03-22', 'Revenue rose in the quarter, the company said.', null, null, null],
  ['2013-03-22', 'The general ruled during the period of unrest.', null, null, null],
  ['2013-03-22', 'She was named player of the year by the league.', null, null, null],
  ['2013-03-22', 'In the year he took office, exports rose by a third.', null, null, null],
  ['2013-03-22', 'In the fourth quarter, profit rose. Sales in the year to March rose.', 'March', 'DATE', '2013-03'],
  // Schedule verbs in the present announce a start or an end ahead (2013-03-20 is a Wednesday).
  ['2013-03-20', 'Bids close on Monday, the agency said.', 'Monday', 'DATE', '2013-03-25'],
  ['2013-03-20', 'The summit opens Tuesday in the capital.', 'Tuesday', 'DATE', '2013-03-26'],
  ['2013-03-20', 'The new tariff takes effect on Monday.', 'Monday', 'DATE', '2013-03-25'],
  ['2013-03-20', 'Voter registration begins Monday in the north.', 'Monday', 'DATE', '2013-03-25'],
  ['2013-03-20', 'The envoy said the talks end Tuesday.', 'Tuesday', 'DATE', '2013-03-26'],
  ['2013-03-20', 'On Monday, the border crossing reopens to trucks.', 'Monday', 'DATE', '2013-03-25'],
  ['2013-03-20', 'The talks ended Tuesday without a deal.', 'Tuesday', 'DATE', '2013-03-19'],
  ['2013-03-20', 'Regional stocks close lower Tuesday on profit taking.', 'Tuesday', 'DATE', '2013-03-19'],
  ['2013-03-20', 'The envoys meet Tuesday in the capital.', 'Tuesday', 'DATE', '2013-03-19'],
  // Decisions for web news: "in an hour" is a duration, "overnight" and "year-on-year" are no dates.
  ['2013-03-22', 'The results are due in an hour, officials said.', 'an hour', 'DURATION', 'PT1H'],
  ['2013-03-22', 'Rescuers searched the rubble within hours of the quake.', 'hours', 'DURATION', 'PTXH'],
  ['2013-03-22', 'Rebels shelled the town overnight, the police said.', null, null, null],
  ['2013-03-22', 'Retail sales rose 4% year-on-year, the office said.', null, null, null],
  ['2013-03-22', 'Retail sales rose 4% year over year, the office said.', null, null, null],
  // Helper F (issue #13, reporting periods): a bare quarter in a future clause may be the one just
  // ended, still being reported in the first 45 days of the next; a year counted from the
  // publication date ("a year ago") is no year the text is reporting on.
  ['2013-10-28', 'The lender expects to post third-quarter earnings next week.', 'third-quarter', 'DATE', '2013-Q3'],
  ['2013-10-28', 'The lender expects a loss in the fourth quarter.', 'the fourth quarter', 'DATE', '2013-Q4'],
  ['2013-12-20', 'The lender expects to post third-quarter earnings in May.', 'third-quarter', 'DATE', '2014-Q3'],
  ['2014-08-05', 'The chain will report first-half sales on Friday.', 'first-half', 'DATE', '2014-H1'],
  ['2014-01-20', 'The chain hopes to return to profit in the second quarter.', 'the second quarter', 'DATE', '2014-Q2'],
  ['2013-10-28', 'Profit was $2 million, against $3 million a year ago. Third-quarter sales fell.', 'Third-quarter', 'DATE', '2013-Q3'],
  // A year counted back in a text reporting on a quarter is that quarter a year back ("a year ago",
  // "a year earlier", "year-earlier" before a noun), even after another date counted back.
  ['2013-10-28', 'The bank earned $4 million in the third quarter, up from $3 million a year ago.', 'a year ago', 'DATE', '2012-Q3'],
  ['2013-10-28', 'Third-quarter net rose to $4 million from $3 million a year ago. Sales rose 5% from a year earlier.', 'a year earlier', 'DATE', '2012-Q3'],
  ['2013-10-28', 'Third-quarter net rose to $4 million, against year-earlier profit of $3 million.', 'year-earlier', 'DATE', '2012-Q3'],
  ['2013-10-28', 'Third-quarter net rose to $4 million from $3 million a year ago. In the year-ago period, sales fell.', 'the year-ago period', 'DATE', '2012-Q3'],
  ['2013-10-28', 'Third-quarter net rose 5%. In 2012, sales were flat from a year ago.', 'a year ago', 'DATE', '2012'],
  ['2013-10-28', 'Third-quarter net rose 5%. A year ago, the bank had a loss.', 'A year ago', 'DATE', '2012'],
  ['2013-10-28', 'Third-quarter net fell. Losses will go on into the fourth quarter. In the year-ago period, net was $4 million.', 'the year-ago period', 'DATE', '2012-Q3'],
  ['2013-10-28', 'Net was below the year-earlier $4 million, the bank said.', null, null, null],
  // Back-references to the period reported on: a quarter named earlier at any distance, the
  // quarter a date ends ("the quarter ended July 31": May to July, the second), "the year ended"
  // as a span of a year, "the latest period", "the full year", a company's "its third quarter".
  ['2013-10-28', 'For the quarter ended Sept. 30, the insurer earned $4 million.', 'the quarter', 'DATE', '2013-Q3'],
  ['2013-10-28', 'In the quarter ended July 31, the retailer lost money.', 'the quarter', 'DATE', '2013-Q2'],
  ['2013-10-28', 'Revenue was $5 million in the year ended June 30, the firm said.', 'the year', 'DURATION', 'P1Y'],
  ['2013-10-28', 'The chain lost money for its fourth quarter ended June 30.', 'fourth quarter', 'DATE', '2013-Q4'],
  ['2013-10-28', 'The mill earned $2 million in its third quarter, it said.', 'third quarter', 'DATE', '2013-Q3'],
  ['2013-10-28', 'The carrier earned a record in the fiscal first quarter.', 'the fiscal first quarter', 'DATE', '2013-Q1'],
  ['2013-10-28', 'Net rose in the latest period, the lender said.', 'the latest period', 'DATE', '2013-Q3'],
  ['2013-10-28', 'Profit rose in the fourth quarter of 2012. Sales in the latest period rose too.', 'the latest period', 'DATE', '2012-Q4'],
  ['2013-10-28', 'The firm expects higher profit for the full year, the chief said.', 'the full year', 'DATE', '2013'],
  ['2013-10-28', 'Unit sales rose in the quarter to $2.3 billion, the firm said.', null, null, null],
  ['2013-10-28', 'The mill lost money in the third quarter. Sales rose 4% in the quarter to $2.3 billion.', 'the quarter', 'DATE', '2013-Q3'],
  ['2013-10-28', 'Families have lived in the quarter for generations.', null, null, null],
  // Compound periods read as one expression.
  ['2013-10-28', 'The charge was taken in the 2012 second quarter, the bank said.', 'the 2012 second quarter', 'DATE', '2012-Q2'],
  ['2013-10-28', 'Net rose in the third quarter to $5 million from $4 million in the 2012 quarter.', 'the 2012 quarter', 'DATE', '2012-Q3'],
  ['2013-10-28', 'Net rose in the third quarter. In the 2013 period, costs fell.', 'the 2013 period', 'DATE', '2013-Q3'],
  ['2013-10-28', "Net sales for this year's third quarter fell 4%.", "this year's third quarter", 'DATE', '2013-Q3'],
  ['2013-10-28', "The merger may close in next year's first quarter.", "next year's first quarter", 'DATE', '2014-Q1'],
  ['2013-10-28', "Net fell in the third quarter. Sales in last year's quarter were $3 million.", "last year's quarter", 'DATE', '2012-Q3'],
  ['2013-10-28', 'Net was $8 million for the third quarter ended Sept. 30, against $2 million for the corresponding period last year.', 'the corresponding period last year', 'DATE', '2012-Q3'],
  ['2013-10-28', 'Analysts cut forecasts for the last half of 2013, the agency said.', 'the last half of 2013', 'DATE', '2013-H2'],
  ['2013-10-28', 'Prices should hold through the first two quarters of 2014.', 'the first two quarters of 2014', 'DATE', '2014-H1'],
  // Quarters with words before the ordinal, fiscal years, the year of "nine months of the year", "by year end".
  ['2013-10-28', 'The mill lost money in a weak second quarter, it said.', 'second quarter', 'DATE', '2013-Q2'],
  ['2013-10-28', 'Net rose in the third quarter. After a weak second quarter, sales rose 5% from a year ago.', 'a year ago', 'DATE', '2012-Q3'],
  ['2013-10-28', 'The chain lost money in the seasonally slow third quarter.', 'third quarter', 'DATE', '2013-Q3'],
  ['2013-10-28', 'Net rose in the third quarter. In the year-ago third quarter, it lost money.', 'the year-ago third quarter', 'DATE', '2012-Q3'],
  ['2013-10-28', 'The team led after the third quarter of the game.', null, null, null],
  ['2013-10-28', 'Net fell in the fourth quarter and will be lower for the fiscal year.', 'the fiscal year', 'DATE', '2013'],
  ['2013-10-28', 'In the fiscal year ended Jan. 31, the chain earned $4 million.', 'the fiscal year', 'DURATION', 'P1Y'],
  ['2013-10-28', 'The grocer had $6 billion in sales in the latest fiscal year.', 'the latest fiscal year', 'DATE', '2012'],
  ['2013-10-28', 'Net rose to $3 million in the first nine months of the year.', 'the year', 'DATE', '2013'],
  ['2013-10-28', 'The plant should reopen by year end, the firm said.', 'year end', 'DATE', '2013', 'END'],
  ['2013-10-28', 'The bank lost $2 million in the third quarter, against a year-earlier loss of $1 million.', 'year-earlier', 'DATE', '2012-Q3'],
  // Not reporting periods: a period of something, a quarter century.
  ['2013-10-28', 'Violence flared in the most recent period of unrest, police said.', null, null, null],
  ['2013-10-28', "Last year's period of mourning ended quietly.", 'Last year', 'DATE', '2012'],
  ['2013-10-28', 'The city marked its first quarter century of independence.', null, null, null],
  ['2013-10-28', 'The city marked the first quarter century of independence.', null, null, null],
  ['2013-10-28', 'Spain reached the 2010 quarter-final in Durban.', '2010', 'DATE', '2010'],
  ['2013-10-28', 'He was killed in the 2012 period of unrest.', '2012', 'DATE', '2012'],
  // Helper G (issue #13): the year of a month and day. A past verb reporting a date up to two months
  // ahead keeps it ahead; terms ahead by their own words ("payable", "effective", "extended to"); a
  // past verb right before the date dates a past event; nouns of plans are no future cue.
  ['2025-10-26', 'The board declared a special dividend, payable Dec. 12 to holders of record Nov. 14.', 'Dec. 12', 'DATE', '2025-12-12'],
  ['2025-10-26', 'The board declared a special dividend, payable Dec. 12 to holders of record Nov. 14.', 'Nov. 14', 'DATE', '2025-11-14'],
  ['2025-10-26', 'The group named a new chief executive, effective Feb. 2.', 'Feb. 2', 'DATE', '2026-02-02'],
  ['2025-10-26', 'The buyer extended to Nov. 21 its offer for the shares.', 'Nov. 21', 'DATE', '2025-11-21'],
  ['2025-10-26', 'The ministry asked the firms to reply by Oct. 30.', 'Oct. 30', 'DATE', '2025-10-30'],
  ['2025-10-26', 'The regulator announced the plan Aug. 19.', 'Aug. 19', 'DATE', '2025-08-19'],
  ['2025-10-26', 'A deputy will succeed the governor Feb. 2, the bank said.', 'Feb. 2', 'DATE', '2026-02-02'],
  ['2025-10-26', 'In the fiscal quarter ended Nov. 3, sales fell.', 'Nov. 3', 'DATE', '2024-11-03'],
  ['2025-10-26', 'The envoys met in Geneva on February 20 to review the text.', 'February 20', 'DATE', '2025-02-20'],
  ['2025-07-23', 'The plan for a vote in April has wide support.', 'April', 'DATE', '2025-04'],
  // Vague references: "recently" is PAST_REF (not inside a verb group), "future" before a noun is an adjective.
  ['2025-10-26', 'The ministry recently tightened the rules for visas.', 'recently', 'DATE', 'PAST_REF'],
  ['2025-10-26', 'Until recently, the border post stood empty.', 'recently', 'DATE', 'PAST_REF'],
  ['2025-10-26', 'The treaty has recently been revised by both sides.', null, null, null],
  ['2025-10-26', 'Investors worry about future earnings at the bank.', null, null, null],
  ['2025-10-26', 'Nobody can say what the future holds for the port.', 'the future', 'DATE', 'FUTURE_REF'],
  ['2025-10-26', "The vote will decide the island's future for decades.", 'future', 'DATE', 'FUTURE_REF'],
  ['2025-10-26', 'Tax payments will shrink in future quarters.', 'future', 'DATE', 'FUTURE_REF'],
  ['2025-10-26', 'The mine closed several years ago, residents said.', 'several years ago', 'DATE', 'PAST_REF'],
  ['2025-10-26', 'Locals believe the valley will one day flood again.', 'one day', 'DATE', 'FUTURE_REF'],
  ['2025-10-26', 'The strike lasted one day in the port.', 'one day', 'DURATION', 'P1D'],
  // A time with its day is one TIME; "the previous Friday" counts from the previous day named; "set to".
  ['2025-10-26', 'The ultimatum expires at noon Tuesday, the envoy said.', 'noon Tuesday', 'TIME', '2025-10-28T12:00'],
  ['2025-10-26', 'The tender offer runs until 5 p.m. EST, Nov. 7.', '5 p.m. EST, Nov. 7', 'TIME', '2025-11-07T17:00'],
  ['2025-10-26', 'Bids for the mill are due by 5 p.m. EST Nov. 7, the agency said.', '5 p.m. EST Nov. 7', 'TIME', '2025-11-07T17:00'],
  ['2025-10-26', 'The polls will open at 7 a.m. on Nov. 4 in every county.', '7 a.m. on Nov. 4', 'TIME', '2025-11-04T07:00'],
  ['2025-10-26', 'The index ended Friday 3% below the previous Friday.', 'the previous Friday', 'DATE', '2025-10-17'],
  ['2025-10-26', 'The sale should close around Nov. 3, the company said.', 'around Nov. 3', 'DATE', '2025-11-03', 'APPROX'],
  ['2025-10-26', 'The sale is to be completed around Nov. 3.', 'around Nov. 3', 'DATE', '2025-11-03', 'APPROX'],
  ['2025-10-26', 'The peace talks, set to resume Tuesday in Oslo, were delayed.', 'Tuesday', 'DATE', '2025-10-28'],
  // Ages are no spans; years after "into", "due", "both" and a possessive.
  ['2025-10-26', 'The envoy, 61 years old, will retire in May.', 'May', 'DATE', '2026-05'],
  ['2025-10-26', 'The mayor, 48 years old, was re-elected.', null, null, null],
  ['2025-10-26', 'Officials expect the slump to last into 2026, the bank said.', '2026', 'DATE', '2026'],
  ['2025-10-26', 'The bank sold notes due 2031, traders said.', '2031', 'DATE', '2031'],
  ['2025-10-26', 'Growth should slow in both 2026 and 2027.', '2026', 'DATE', '2026'],
  ['2025-10-26', "The ministry's 2024 budget report was leaked.", '2024', 'DATE', '2024'],
  ["2025-10-26", "The army's 2000 conscripts were sent home.", null, null, null],
  // A plan in the past perfect is past; half years; "the then current".
  ['2025-10-27', 'The offer had been scheduled to expire Friday, the bank said.', 'Friday', 'DATE', '2025-10-24'],
  ['2025-10-27', 'The offer is scheduled to expire Friday, the bank said.', 'Friday', 'DATE', '2025-10-31'],
  ['2025-10-26', 'The refugees lived in the camps for 3 1/2 years.', '3 1/2 years', 'DURATION', 'P3Y6M'],
  ['2025-10-26', 'Holders may buy shares at the then current price.', 'then current', 'DATE', 'PAST_REF'],
  // Seasons after "into the", "Over the", "this past"; "by May".
  ['2025-10-26', 'The mill closed this past spring after the floods.', 'this past spring', 'DATE', '2025-SP'],
  ['2025-10-26', 'Over the summer, rivals cut their prices.', 'the summer', 'DATE', '2025-SU'],
  ['2025-03-20', 'The talks are supposed to end by May, envoys said.', 'May', 'DATE', '2025-05'],
  ['2025-03-20', 'The award went to a novel by May Sarton.', null, null, null],
  ['2025-10-26', 'The bonus will be paid on a still unspecified date in January.', 'January', 'DATE', '2026-01'],
  // "and a half".
  ['2025-10-26', 'The reporter spent two and a half years in prison.', 'two and a half years', 'DURATION', 'P2Y6M'],
  ['2025-10-26', 'The hearing lasted three and a half hours.', 'three and a half hours', 'DURATION', 'PT3H30M'],
  ['2025-10-26', 'A minute and a half later, the second shell landed.', 'A minute and a half', 'DURATION', 'PT1M30S'],
  ['2025-10-26', 'Building the bridge took a year and a half.', 'a year and a half', 'DURATION', 'P1Y6M'],
  ['2025-10-26', 'Few papers turn a profit these days, editors say.', 'these days', 'DATE', 'PRESENT_REF'],
  ['2025-10-26', 'Prices should stay high in the short term, traders said.', 'the short term', 'DATE', 'FUTURE_REF'],
  ['2025-10-26', 'The senator served a short term in office.', null, null, null],
  ['2025-10-26', 'A poll by USA Today showed a tie.', null, null, null],
  ['2025-10-26', "She told NBC's Today show that she would run.", null, null, null],
  ['2025-10-26', 'Talks Resume Today In Geneva', 'Today', 'DATE', '2025-10-26'],
  ['2025-10-26', 'The envoy, speaking on the "This Week" programme, urged calm.', null, null, null],
  ['2025-10-26', '"This week we will decide," the minister said.', 'This week', 'DATE', '2025-W43'],
  // Helper Q (issue #13): news forms from other parsers' public test suites (Duckling's English
  // corpus, chrono-node, SUTime), in sentences of our own, published Tue 2013-02-12 as Duckling's reference.
  ['2013-02-12', 'Talks resume in Vienna the day after tomorrow, a spokesman said.', 'the day after tomorrow', 'DATE', '2013-02-14'],
  ['2013-02-12', 'The convoy was ambushed the day before yesterday near the border.', 'the day before yesterday', 'DATE', '2013-02-10'],
  ['2013-02-12', 'Inspectors will return to the site the week after next, the agency said.', 'the week after next', 'DATE', '2013-W09'],
  ['2013-02-12', 'The minister resigned last Tuesday after a week of protests.', 'last Tuesday', 'DATE', '2013-02-05'],
  ['2013-02-12', 'Parliament will reconvene next September, the speaker said.', 'next September', 'DATE', '2013-09'],
  ['2013-02-12', 'The assembly opens on the third Tuesday of September 2014.', 'the third Tuesday of September 2014', 'DATE', '2014-09-16'],
  ['2013-02-12', 'The ceasefire takes effect on the 1st of March, both sides said.', '1st of March', 'DATE', '2013-03-01'],
  ['2013-02-12', 'The treaty expires on March 3rd, 2015, diplomats said.', 'March 3rd, 2015', 'DATE', '2015-03-03'],
  ['2013-02-12', 'The report is expected by mid-March, the envoy said.', 'mid-March', 'DATE', '2013-03', 'MID'],
  ['2013-02-12', 'The referendum will be held in the first week of October.', 'the first week of October', 'DATE', '2013-W40'],
  ['2013-02-12', 'The new embassy should open in late 2014.', 'late 2014', 'DATE', '2014', 'END'],
  ['2013-02-12', 'Negotiators will meet again the weekend after next.', 'the weekend after next', 'DATE', '2013-W09-WE'],
  ['2013-02-12', 'The reactor was shut down a fortnight ago after a leak.', 'a fortnight ago', 'DATE', '2013-W05'],
  ['2013-02-12', 'The mission will leave by the end of next month.', 'the end of next month', 'DATE', '2013-03', 'END'],
  ['2013-02-12', 'Violence has risen since the beginning of the year, the UN said.', 'the beginning of the year', 'DATE', '2013', 'START'],
  ['2013-02-12', 'The summit will open this coming Friday in Brussels.', 'this coming Friday', 'DATE', '2013-02-15'],
  ['2013-02-12', 'More rallies are planned for the coming weekend.', 'the coming weekend', 'DATE', '2013-W07-WE'],
  ['2013-02-12', 'The talks will run between Tuesday and Thursday in Geneva.', 'Thursday', 'DATE', '2013-02-14'],
  ['2013-02-12', 'Voters flocked to the polls in the 1990s.', '1990s', 'DATE', '199X'],
  ['2013-02-12', "The party ruled the region through the '90s.", "'90s", 'DATE', '199X'],
  ['2013-02-12', 'The party ruled the region through the nineties.', 'nineties', 'DATE', '199X'],
  ['2013-02-12', 'It is the worst famine of the 21st century, the agency said.', 'the 21st century', 'DATE', '20'],
  ['2013-02-12', 'Rebels shelled the town on Christmas Eve, residents said.', 'Christmas Eve', 'DATE', '2012-12-24'],
  ['2013-02-12', "The new currency will be launched on New Year's Day 2014.", "New Year's Day 2014", 'DATE', '2014-01-01'],
  ['2013-02-12', 'The pope will celebrate Easter in Rome, the Vatican said.', 'Easter', 'DATE', '2013-03-31'],
  ['2013-02-12', 'The drought hit the south in summer 2012.', 'summer 2012', 'DATE', '2012-SU'],
  ['2013-02-12', 'Exports fell 3% in Q1 2013, the ministry forecast.', 'Q1 2013', 'DATE', '2013-Q1'],
  // A quarter or half alone after a preposition: a bare one, as "the fourth quarter" (elsewhere a name).
  ['2013-02-12', 'The carmaker said profit tripled in Q4.', 'Q4', 'DATE', '2012-Q4'],
  ['2013-02-12', 'Analysts expect a rebound in Q2, the bank said.', 'Q2', 'DATE', '2013-Q2'],
  ['2013-02-12', 'The dealer sold more Audi Q3 models than planned.', null, null, null],
  ['2013-02-12', 'The bank expects growth to recover in H2 2014.', 'H2 2014', 'DATE', '2014-H2'],
  ['2013-02-12', 'The defence budget for FY2013 was cut by 5%.', 'FY2013', 'DATE', '2013'],
  ['2013-02-12', 'The ministry set its budget for 2013-14 on Monday.', '2013-14', 'DATE', '2013/2014'],
  ['2013-02-12', 'The order was signed on 2013-02-15, the filing shows.', '2013-02-15', 'DATE', '2013-02-15'],
  ['2013-02-12', "The envoys will meet again in two weeks' time.", 'in two weeks', 'DATE', '2013-02-26'],
  ['2013-02-12', 'The envoys will meet again in two weeks.', 'in two weeks', 'DATE', '2013-02-26'],
  ['2013-02-12', 'Shops will stay shut from 9 a.m. to 11 a.m. on Thursday.', '9 a.m', 'TIME', '2013-02-14T09:00'],
  ['2013-02-12', 'Polls will be open from 9 to 11 a.m. on Thursday.', '11 a.m. on Thursday', 'TIME', '2013-02-14T11:00'],
  ['2013-02-12', 'The ministers met late last year in Ankara.', 'late last year', 'DATE', '2012', 'END'],
  ['2013-02-12', 'The cabinet will decide early next week, aides said.', 'early next week', 'DATE', '2013-W08', 'START'],
  ['2013-02-12', 'A new envoy will be named later this month.', 'this month', 'DATE', '2013-02'],
  ['2013-02-12', 'The army has lost ground since the end of the month.', 'the end of the month', 'DATE', '2013-02', 'END'],
  ['2013-02-12', 'The base will be handed over by the end of 2013.', 'the end of 2013', 'DATE', '2013', 'END'],
  ['2013-02-12', "The couple will marry on Valentine's Day, aides said.", "Valentine's Day", 'DATE', '2013-02-14'],
  ['2013-02-12', 'Envoys will meet in the autumn of 2013 in Oslo.', 'the autumn of 2013', 'DATE', '2013-FA'],
  ['2013-02-12', 'The trial will resume this spring, lawyers said.', 'this spring', 'DATE', '2013-SP'],
  ['2013-02-12', 'The forum meets on the last Monday of March.', 'the last Monday of March', 'DATE', '2013-03-25'],
  ['2013-02-12', 'The strike will end the Monday after next.', 'the Monday after next', 'DATE', '2013-02-25'],
  ['2013-02-12', 'The vote is set for Monday, February 18, the commission said.', 'Monday, February 18', 'DATE', '2013-02-18'],
  ['2013-02-12', 'The troops left on 15 Feb 2013, the army said.', '15 Feb 2013', 'DATE', '2013-02-15'],
  ['2013-02-12', 'The talks were held on the 15th of January in Doha.', '15th of January', 'DATE', '2013-01-15'],
  ['2013-02-12', 'The committee will meet tomorrow evening in Paris.', 'tomorrow evening', 'TIME', '2013-02-13TEV'],
  ['2013-02-12', 'Sanctions will be lifted within a fortnight, officials said.', 'a fortnight', 'DURATION', 'P2W'],
  ['2013-02-12', 'Fighting has displaced thousands over the past fortnight.', 'the past fortnight', 'DURATION', 'P2W'],
  ['2013-02-12', 'The vote will take place on Feb. 13-15 across the country.', 'Feb. 13', 'DATE', '2013-02-13'],
  ['2013-02-12', 'The town fell during the last week of September, residents said.', 'the last week of September', 'DATE', '2012-W39'],
  ['2013-02-12', 'The bank cut rates at the start of the year.', 'the start of the year', 'DATE', '2013', 'START'],
  ['2013-02-12', 'The agency will publish the data at the end of the week.', 'the end of the week', 'DATE', '2013-W07', 'END'],
  ['2013-02-12', 'The court ruled on the last day of January.', 'the last day of January', 'DATE', '2013-01-31'],
  ['2013-02-12', 'The ceasefire has held since the middle of last year.', 'the middle of last year', 'DATE', '2012', 'MID'],
  ['2013-02-12', 'The vote was delayed from last Thursday to next Monday.', 'next Monday', 'DATE', '2013-02-18'],
  ['2013-02-12', 'The dam was completed in the 1960s and rebuilt in the early 2000s.', 'early 2000s', 'DATE', '200X', 'START'],
  ['2013-02-12', 'The war began in the spring of 2011.', 'the spring of 2011', 'DATE', '2011-SP'],
  ['2013-02-12', 'Elections are due in the second half of next year.', 'the second half of next year', 'DATE', '2014-H2'],
  ['2013-02-12', 'The accord was signed in the last quarter of 2012.', 'the last quarter of 2012', 'DATE', '2012-Q4'],
  ['2013-02-12', 'The law was passed on 12/02/2013, the gazette shows.', '12/02/2013', 'DATE', '2013-12-02'],
  ['2013-02-12', 'The monarchy was abolished in the nineteenth century.', 'the nineteenth century', 'DATE', '18'],
  ['2013-02-12', 'The fort dates from the mid-1800s.', 'mid-1800s', 'DATE', '18', 'MID'],
  ['2013-02-12', "The rebels will lay down arms by year's end.", "year's end", 'DATE', '2013', 'END'],
  ['2013-02-12', 'The talks will resume after Easter Monday.', 'Easter Monday', 'DATE', '2013-04-01'],
  ['2013-02-12', 'The minister visited the camp on Boxing Day.', 'Boxing Day', 'DATE', '2012-12-26'],
  ['2013-02-12', 'Retail sales slumped over Christmas 2012, the survey found.', 'Christmas 2012', 'DATE', '2012-12-25'],
  // The Islamic feasts: days of the Umm al-Qura calendar, their year by the tense.
  ['2013-08-20', 'Families crowded the parks for Eid al-Fitr, the governor said.', 'Eid al-Fitr', 'DATE', '2013-08-08'],
  ['2013-08-20', 'Butchers expect brisk trade before Eid al Adha this autumn.', 'Eid al Adha', 'DATE', '2013-10-15'],
  ['2014-03-02', 'Ferries will run extra crossings for Eid ul-Fitr 2014.', 'Eid ul-Fitr 2014', 'DATE', '2014-07-28'],
  ['2023-07-02', 'Pilgrims gathered in Mina on Eid al-Adha, the ministry said.', 'Eid al-Adha', 'DATE', '2023-06-28'],
  ['1998-01-20', 'Markets in the capital will close for Eid al-Fitr.', 'Eid al-Fitr', 'DATE', '1998-01-29'],
  ['2013-08-20', 'The eid al-fitr prayers were short.', null, null, null],
  ['2013-02-12', 'The pilgrims expect to return for Easter 2014.', 'Easter 2014', 'DATE', '2014-04-20'],
  ['2013-02-12', 'The ceasefire will be reviewed in the summer, officials said.', 'the summer', 'DATE', '2013-SU'],
  ['2013-02-12', 'The rebels retreated this winter, the army said.', 'this winter', 'DATE', '2012-WI'],
  ['2013-02-12', 'The state vote was held on the first Tuesday in November.', 'the first Tuesday in November', 'DATE', '2012-11-06'],
  ['2013-02-12', 'The talks will resume on the second Monday of March next year.', 'the second Monday of March next year', 'DATE', '2014-03-10'],
  ['2013-02-12', 'Growth slowed in the final quarter of 2012, the agency said.', 'the final quarter of 2012', 'DATE', '2012-Q4'],
  ['2013-02-12', 'The census will take place in the second week of May 2014.', 'the second week of May 2014', 'DATE', '2014-W19'],
  ['2013-02-12', 'The dam was built in the early seventies, engineers said.', 'early seventies', 'DATE', '197X', 'START'],
  ['2013-02-12', 'The general, in his sixties, denied the charges.', null, null, null],
  ['2013-02-12', "Exiles have lived there since the '60s.", "'60s", 'DATE', '196X'],
  ['2013-02-12', 'Congress must pass the budget for FY 2014 by October.', 'FY 2014', 'DATE', '2014'],
  ['2013-02-12', 'Arms sales rose sharply in FY12, the agency said.', 'FY12', 'DATE', '2012'],
  ['2013-02-12', 'The trial is set for the week of October 7th.', 'the week of October 7th', 'DATE', '2013-W41'],
  ['2013-02-12', 'Polls will open at 9am on Saturday across the country.', '9am on Saturday', 'TIME', '2013-02-16T09:00'],
  ['2013-02-12', 'The last census was taken in October 2014.', 'October 2014', 'DATE', '2014-10'],
  ['2013-02-12', 'The deal was signed on Sunday, Feb 10, in Doha.', 'Sunday, Feb 10', 'DATE', '2013-02-10'],
  ['2013-02-12', 'Profits rose in the 4th quarter of 2018.', 'the 4th quarter of 2018', 'DATE', '2018-Q4'],
  ['2013-02-12', 'The ministry will report in the third quarter.', 'the third quarter', 'DATE', '2013-Q3'],
  ['2013-02-12', 'The treaty was signed on March 3 2015.', 'March 3 2015', 'DATE', '2015-03-03'],
  ['2013-02-12', 'The treaty was signed on 3/3/2015, the record shows.', '3/3/2015', 'DATE', '2015-03-03'],
  ['2013-02-12', 'The strike began on 15th February, unions said.', '15th February', 'DATE', '2012-02-15'],
  ['2013-02-12', 'The refinery will reopen in 7 days, the firm said.', 'in 7 days', 'DATE', '2013-02-19'],
  ['2013-02-12', 'Curfew starts at 10pm tonight, police said.', '10pm', 'TIME', '2013-02-12T22:00'],
  ['2013-02-12', 'The cabinet will meet Wednesday next week, aides said.', 'Wednesday next week', 'DATE', '2013-02-20'],
  ['2013-02-12', 'The cabinet will meet on Wednesday of next week.', 'Wednesday of next week', 'DATE', '2013-02-20'],
  ['2013-02-12', 'The rebels agreed to the truce on Friday last week.', 'Friday last week', 'DATE', '2013-02-08'],
  ['2013-02-12', 'The army regained the town on Monday this week.', 'Monday this week', 'DATE', '2013-02-11'],
  ['2013-03-03', 'The army regained the town on Monday this week.', 'Monday this week', 'DATE', '2013-02-25'],
  ['2013-02-12', 'The verdict is due on Friday after next.', 'Friday after next', 'DATE', '2013-02-22'],
  ['2013-02-12', 'The pipeline should be finished three years from today.', 'three years from today', 'DATE', '2016-02-12'],
  ['2013-02-12', 'The embargo ends ten days from today, the ministry said.', 'ten days from today', 'DATE', '2013-02-22'],
  ['2013-02-12', 'The envoy will arrive on Tuesday the 19th, his office said.', 'Tuesday the 19th', 'DATE', '2013-02-19'],
  ['2013-02-12', 'The ceasefire collapsed three weeks ago, monitors said.', 'three weeks ago', 'DATE', '2013-W04'],
  ['2013-02-12', 'The bank failed three months ago, regulators said.', 'three months ago', 'DATE', '2012-11'],
  ['2013-02-12', 'The ceasefire was agreed a week ago in Cairo.', 'a week ago', 'DATE', '2013-W06'],
  ['2013-02-12', 'Riots erupted on the 4th of July last year.', '4th of July last year', 'DATE', '2012-07-04'],
  ['2013-02-12', 'The union will strike on Labor Day 2013, leaders said.', 'Labor Day 2013', 'DATE', '2013-09-02'],
  ['2013-02-12', "The king will address the nation on New Year's Eve.", "New Year's Eve", 'DATE', '2013-12-31'],
  ['2013-02-12', 'The summit runs from July 13 to 15 in Vienna.', 'July 13', 'DATE', '2013-07-13'],
  ['2013-02-12', 'The summit runs July 13-15 in Vienna.', 'July 13', 'DATE', '2013-07-13'],
  ['2013-02-12', 'The summit will run from 13 to 15 July in Vienna.', '15 July', 'DATE', '2013-07-15'],
  ['2013-02-12', 'The minister will land at 4pm CET, aides said.', '4pm CET', 'TIME', '2013-02-12T16:00'],
  ['2013-02-12', 'The polls will close at 5pm tomorrow, officials said.', '5pm tomorrow', 'TIME', '2013-02-13T17:00'],
  ['2013-02-12', 'The vote will be held tomorrow at 5pm, officials said.', 'tomorrow', 'DATE', '2013-02-13'],
  ['2013-02-12', 'Unrest has grown over the last two years, the report said.', 'the last two years', 'DURATION', 'P2Y'],
  ['2013-02-12', 'Talks will continue over the next three days.', 'the next three days', 'DURATION', 'P3D'],
  ['2013-02-12', 'The deadline is midnight on Thursday, the agency said.', 'midnight', 'TIME', '2013-02-14T24:00'],
  ['2013-02-12', 'Aid will arrive within 2 weeks, officials said.', '2 weeks', 'DURATION', 'P2W'],
  ['2013-02-12', 'The court will rule before the end of the month.', 'the end of the month', 'DATE', '2013-02', 'END'],
  ['2013-02-12', 'Shops will stay shut until 2 p.m., police said.', '2 p.m', 'TIME', '2013-02-12T14:00'],
  ['2013-02-12', 'Polls will close at noon on Sunday, the commission said.', 'noon', 'TIME', '2013-02-17T12:00'],
  ['2013-02-12', 'Prices fell sharply late last month, traders said.', 'late last month', 'DATE', '2013-01', 'END'],
  ['2013-02-12', 'The law was passed early this year.', 'early this year', 'DATE', '2013', 'START'],
  ['2013-02-12', 'The accord will be signed by mid-2014.', 'mid-2014', 'DATE', '2014', 'MID'],
  ['2013-02-12', 'The talks were held on the weekend of March 2-3 last year.', 'March 2', 'DATE', '2012-03-02'],
  ['2013-02-12', 'The clashes on Feb. 8 and 9 killed ten people.', 'Feb. 8', 'DATE', '2013-02-08'],
  ['2013-02-12', 'The clashes on Feb. 8 and 9 killed ten people.', '9', 'DATE', '2013-02-09'],
  ['2013-02-12', 'Fighting has raged since December 2011.', 'December 2011', 'DATE', '2011-12'],
  ['2013-02-12', 'Fighting has raged since Dec. 2011.', 'Dec. 2011', 'DATE', '2011-12'],
  ['2013-02-12', 'The ministry will publish the data on Feb 28th.', 'Feb 28th', 'DATE', '2013-02-28'],
  ['2013-02-12', 'The war lasted from 1980 until 1988.', '1988', 'DATE', '1988'],
  ['2013-02-12', 'Elections are due by the autumn.', 'the autumn', 'DATE', '2013-FA'],
  ['2013-02-12', 'Sanctions were imposed in the summer of 2011.', 'the summer of 2011', 'DATE', '2011-SU'],
  ['2013-02-12', 'The plan covers the 2013-2015 period.', '2013-2015', 'DATE', '2013/2015'],
  ['2013-02-12', 'The regime fell in the Arab Spring of 2011.', '2011', 'DATE', '2011'],
  ['2013-02-12', 'Envoys met on the eve of the summit, on Feb. 10.', 'Feb. 10', 'DATE', '2013-02-10'],
  ['2013-02-12', 'The rebels were routed in the 2011-2012 campaign.', '2011-2012', 'DATE', '2011/2012'],
  ['2013-02-12', 'The minister stepped down in mid-January.', 'mid-January', 'DATE', '2013-01', 'MID'],
  ['2013-02-12', 'The pact expires at the end of this year.', 'the end of this year', 'DATE', '2013', 'END'],
  ['2013-02-12', 'Tanks crushed the Prague Spring of 1968 in August.', '1968', 'DATE', '1968'],
  ['2013-02-12', 'Polls open between 7 a.m. and 8 p.m. Sunday, officials said.', '7 a.m', 'TIME', '2013-02-17T07:00'],
  ['2013-02-12', 'The mandate expires on the last day of October 2015.', 'the last day of October 2015', 'DATE', '2015-10-31'],
  ['2013-02-12', 'The new law takes effect on the first day of March.', 'the first day of March', 'DATE', '2013-03-01'],
  ['2013-02-12', 'The budget must pass by the last day of February.', 'the last day of February', 'DATE', '2013-02-28'],
  ['2013-02-12', 'The vote was set for Saturday, 17 August 2013.', 'Saturday, 17 August 2013', 'DATE', '2013-08-17'],
  ['2013-02-12', 'Inspections ran August 10-22, 2012, the agency said.', 'August 10', 'DATE', '2012-08-10'],
  ['2013-02-12', 'Inspections ran from 10 August to 12 September last year.', '10 August', 'DATE', '2012-08-10'],
  ['2013-02-12', 'The minister will speak Thursday at 10pm, aides said.', '10pm', 'TIME', '2013-02-14T22:00'],
  ['2013-02-12', 'The ferry sank a month ago off the coast.', 'a month ago', 'DATE', '2013-01'],
  ['2013-02-12', 'The rebels will hold a rally tonight at 8pm.', '8pm', 'TIME', '2013-02-12T20:00'],
  ['2013-02-12', 'The hostages were freed on 17 Aug 2012 at 18:40.', '18:40', 'TIME', '2012-08-17T18:40'],
  ['2013-02-12', 'The ship docked in late August, the navy said.', 'late August', 'DATE', '2012-08', 'END'],
  ['2013-02-12', 'The court meets again in early March.', 'early March', 'DATE', '2013-03', 'START'],  // Helper W (issue #13): years spoken in words, as broadcast transcripts write them.
  ['1998-02-27', 'Madrid, nineteen ninety-six. A car bomb shakes the capital.', 'nineteen ninety-six', 'DATE', '1996'],
  ['1998-02-27', 'The envoy was expelled in nineteen seventy-nine, the anchor said.', 'nineteen seventy-nine', 'DATE', '1979'],
  ['1998-02-27', 'Police linked it to a nineteen ninety-seven attack on a consulate.', 'nineteen ninety-seven', 'DATE', '1997'],
  ['1998-02-27', 'March nineteen ninety-seven. The embassy is hit again.', 'March nineteen ninety-seven', 'DATE', '1997-03'],
  ['1998-02-27', 'Oil fell to the level seen in the winter of nineteen ninety-four.', 'the winter of nineteen ninety-four', 'DATE', '1994-WI'],
  ['1998-02-27', 'The chancellor vowed to halve unemployment by the year two thousand.', 'the year two thousand', 'DATE', '2000'],
  ['2013-02-12', 'The treaty lapses in the year two thousand and twenty, the anchor said.', 'the year two thousand and twenty', 'DATE', '2020'],
  ['2013-02-12', 'The base was closed in twenty twelve, the minister told the radio.', 'twenty twelve', 'DATE', '2012'],
  ['2013-02-12', 'The tickets cost nineteen ninety-five dollars each.', null, null, null],
  ['2013-02-12', 'The fund bought twenty thirty-year bonds.', 'thirty-year', 'DURATION', 'P30Y'],
  ['2013-02-12', 'The truce held for ninety days.', 'ninety days', 'DURATION', 'P90D'],
  ['2013-02-12', 'In the last twenty four hours, the currency fell 9%.', 'the last twenty four hours', 'DURATION', 'PT24H'],
  // A year qualifying a noun: after a determiner and an adjective, before a reference word.
  ['2013-02-12', 'The scandal dogged his failed 2008 campaign for the senate.', '2008', 'DATE', '2008'],
  ['2013-02-12', 'That 1967 resolution still frames the talks.', '1967', 'DATE', '1967'],
  ['2013-02-12', 'The remaining 2000 workers were sent home.', null, null, null],
  // A range of clock times with one a.m. or p.m.: the first time takes it, and the day of the end.
  ['2013-02-12', 'Polling stations open from 7 to 11 a.m. on Sunday.', '7', 'TIME', '2013-02-17T07:00'],
  ['2013-02-12', 'Polling stations open from 7 to 11 a.m. on Sunday.', '11 a.m. on Sunday', 'TIME', '2013-02-17T11:00'],
  ['2013-02-12', 'The shelling lasted between 2 and 4 p.m. yesterday.', '2', 'TIME', '2013-02-11T14:00'],
  ['2013-02-12', 'Talks ran from 11 to 1 p.m. at the ministry.', '11', 'TIME', '2013-02-12T11:00'],
  ['2013-02-12', 'The market opens 9-11 a.m. on weekdays.', '9', 'TIME', '2013-02-12T09:00'],
  ['2013-02-12', 'The market opens 9-11 a.m. on weekdays.', '11 a.m', 'TIME', '2013-02-12T11:00'],
  ['2013-02-12', 'Shops shut between 9 a.m. and 5 p.m. tomorrow.', '9 a.m', 'TIME', '2013-02-13T09:00'],
  // "the end of" before an ordinal quarter, beyond the four-word window of its "the".
  ['2013-02-12', 'Output should recover by the end of the first quarter.', 'the end of the first quarter', 'DATE', '2013-Q1', 'END'],
  ['2013-02-12', 'Output fell at the end of the third quarter of 2012.', 'the end of the third quarter of 2012', 'DATE', '2012-Q3', 'END'],
  // "the weeks ahead" as "the coming weeks": an unspecified duration.
  ['2013-02-12', 'Banks may have to sell bonds in the weeks ahead, analysts said.', 'the weeks ahead', 'DURATION', 'PXW'],
  // "mid-afternoon", "mid morning": the part of the day with mod MID, on the day written after it or the previous one.
  ['2013-02-12', 'Shares were up 2% at mid-afternoon yesterday in London.', 'mid-afternoon yesterday', 'TIME', '2013-02-11TAF', 'MID'],
  ['2013-02-12', 'Troops entered the town on Sunday. By mid afternoon, the shelling had stopped.', 'mid afternoon', 'TIME', '2013-02-10TAF', 'MID'],
  ['2013-02-12', 'The talks will resume mid-morning on Friday.', 'mid-morning on Friday', 'TIME', '2013-02-15TMO', 'MID'],
  // A month alone after an article or a possessive, before a noun.
  ['2013-02-12', 'The rebels broke off talks under a November agreement with the army.', 'November', 'DATE', '2012-11'],
  ['2013-02-12', 'The ministry stood by its January report.', 'January', 'DATE', '2013-01'],
  // "that quarter": the quarter of the previous date.
  ['2013-02-12', 'Profit fell in the second quarter of 2012. Results for that quarter included a charge.', 'that quarter', 'DATE', '2012-Q2'],
  ['2013-02-12', 'Shops in that quarter of the city stayed shut on Sunday.', 'Sunday', 'DATE', '2013-02-10'],
  // "an additional year", "two extra days": the adjective inside the quantity. "each July": a SET of months.
  ['2013-02-12', 'The mandate may be extended for an additional year.', 'an additional year', 'DURATION', 'P1Y'],
  ['2013-02-12', 'Negotiators were given two extra days to finish.', 'two extra days', 'DURATION', 'P2D'],
  ['2013-02-12', 'Marchers parade through the old town each July.', 'each July', 'SET', 'XXXX-07'],
  ['2013-02-12', 'Over the years the border town has changed hands twice.', 'the years', 'DURATION', 'PXY'],
  ['2013-02-12', 'The envoy left after a several-year posting in Cairo.', 'several-year', 'DURATION', 'PXY'],
  // Helper Y (issue #13): quarters as a unit, counts with "consecutive"/"straight", "or so".
  ['2013-02-12', 'The lender has lost money in the past two quarters.', 'the past two quarters', 'DURATION', 'P2Q'],
  ['2013-02-12', 'The carrier turned a profit after several quarters of losses.', 'several quarters', 'DURATION', 'PXQ'],
  ['2013-02-12', 'Job cuts will be spread over the next three quarters.', 'the next three quarters', 'DURATION', 'P3Q'],
  ['2013-02-12', 'Exports have shrunk for two straight quarters.', 'two straight quarters', 'DURATION', 'P2Q'],
  ['2013-02-12', 'Two consecutive quarters of contraction would mean a recession.', 'Two consecutive quarters', 'DURATION', 'P2Q'],
  ['2013-02-12', 'Sales peaked two quarters ago, the chain said.', 'two quarters ago', 'DATE', '2012-Q3'],
  ['2013-02-12', 'The opposition won three quarters of the seats.', null, null, null],
  ['2013-02-12', 'The plan drew criticism from many quarters.', null, null, null],
  ['2013-02-12', 'The fund pays its members every quarter.', 'every quarter', 'SET', 'P1Q'],
  ['2013-02-12', 'Rebels have held the valley for three consecutive years.', 'three consecutive years', 'DURATION', 'P3Y'],
  ['2013-02-12', 'Protests entered a fifth straight day as four straight days of strikes ended.', 'four straight days', 'DURATION', 'P4D'],
  ['2013-02-12', 'The general chose the date a week or so ago.', 'a week or so ago', 'DATE', '2013-W06', 'APPROX'],
  ['2013-02-12', 'The ceasefire talks may drag on for a month or so.', 'a month or so', 'DURATION', 'P1M', 'APPROX'],
  ['2013-02-12', 'A ruling is expected in a week or so.', 'in a week', 'DATE', '2013-02-19'],
  ['2013-02-12', 'Nine trading days after Jan. 3, the index had lost a fifth.', 'Nine trading days', 'DURATION', 'P9D'],
  ['2013-02-12', 'Nine trading days after Jan. 3, the index had lost a fifth.', 'Jan. 3', 'DATE', '2013-01-03'],
  ['2013-02-12', 'The regulator must answer within ten business days.', 'ten business days', 'DURATION', 'P10D'],
  ['2013-02-12', 'The handover takes place in five working days.', 'five working days', 'DURATION', 'P5D'],
  ['2013-02-12', 'The two peoples have shared the valley for centuries.', 'centuries', 'DURATION', 'PXC'],
  ['2013-02-12', 'The fortress guarded the pass for three centuries.', 'three centuries', 'DURATION', 'P300Y'],
  ['2013-02-12', 'Peacekeepers will stay in the buffer zone for the foreseeable future.', null, null, null],
  ['2013-02-12', 'Peacekeepers will stay in the buffer zone in the near future.', 'future', 'DATE', 'FUTURE_REF'],
  ['2013-02-12', 'Repairs to the pipeline will take two to three weeks.', 'two', 'DURATION', 'P2W'],
  ['2013-02-12', 'Repairs to the pipeline will take two to three weeks.', 'three weeks', 'DURATION', 'P3W'],
  ['2013-02-12', 'The delegates argued for three or four days.', 'three', 'DURATION', 'P3D'],
  ['2013-02-12', 'Smugglers face between five and ten years in prison.', 'five', 'DURATION', 'P5Y'],
  ['2013-02-12', 'The court may sit for 12 to 18 months.', '12', 'DURATION', 'P12M'],
  ['2013-02-12', 'One or two days later the convoy turned back.', 'two days later', 'DATE', '2013-02-14'],
  ['2013-02-12', 'The export ban stays in force through May.', 'May', 'DATE', '2013-05'],
  ['2013-02-12', 'The export ban stayed in force from March through May.', 'May', 'DATE', '2012-05'],
  ['2013-02-12', 'Peacekeepers will remain until at least 2015, the council said.', 'at least 2015', 'DATE', '2015', 'ON_OR_AFTER'],
  ['2013-02-12', 'The curfew holds until at least September.', 'at least September', 'DATE', '2013-09', 'ON_OR_AFTER'],
  ['2013-02-12', 'The curfew holds until at least Sept. 30.', 'at least Sept. 30', 'DATE', '2013-09-30', 'ON_OR_AFTER'],
  ['2013-02-12', 'The index gained at least 2015 points.', null, null, null],
  ['2013-02-12', 'The mortar hit the base at 0930 local time.', '0930 local time', 'TIME', '2013-02-12T09:30'],
  ['2013-02-12', 'Negotiators will meet from Monday to Thursday.', 'Thursday', 'DATE', '2013-02-21'],
  ['2013-02-12', 'Negotiators met from Monday to Thursday.', 'Monday', 'DATE', '2013-02-04'],
  ['2013-02-12', 'The envoys will confer next Tuesday and Wednesday in Oslo.', 'Wednesday', 'DATE', '2013-02-20'],
  ['2013-02-11', 'Officials said Monday and Tuesday that the talks had stalled.', 'Tuesday', 'DATE', '2013-02-05'],
  ['2013-02-12', 'The talks broke up late on Sunday.', 'late on Sunday', 'DATE', '2013-02-10', 'END'],
  ['2013-02-12', 'Early on Monday, the convoy crossed the border.', 'Early on Monday', 'DATE', '2013-02-11', 'START'],
  // Helper AG (forms from other taggers' suites): sets of days and parts of days, halves, holidays.
  ['2014-10-15', 'The flea market opens every other Sunday near the station.', 'every other Sunday', 'SET', 'XXXX-WXX-7'],
  ['2014-10-15', 'Relatives queue every morning outside the prison gate.', 'every morning', 'SET', 'XXXX-XX-XXTMO'],
  ['2014-10-15', 'Soldiers patrol the fence each night, the army said.', 'each night', 'SET', 'XXXX-XX-XXTNI'],
  ['2014-10-15', 'The hearing lasted half an hour.', 'half an hour', 'DURATION', 'PT30M'],
  ['2014-10-15', 'Voters waited a half-hour in the rain.', 'a half-hour', 'DURATION', 'PT30M'],
  ['2014-10-15', 'The two states have feuded for half a century.', 'half a century', 'DURATION', 'P50Y'],
  ['2014-10-15', 'The mill shut down half a year ago.', 'half a year ago', 'DATE', '2014-04'],
  ['2014-10-15', 'Thousands travelled home to celebrate Eid with their families.', 'Eid', 'DATE', '2014-07-28'],
  ['2014-10-15', 'Traders said sheep sold for record prices before Eid.', 'Eid', 'DATE', '2014-10-04'],
  ['2015-06-20', 'Shops will stay open late before Eid, the mayor said.', 'Eid', 'DATE', '2015-07-17'],
  ['2014-10-15', 'Lanterns lit the river on the Fourth of July.', 'the Fourth of July', 'DATE', '2014-07-04'],
  ['2014-10-15', 'Federal offices will close for Martin Luther King Jr. Day.', 'Martin Luther King Jr. Day', 'DATE', '2015-01-19'],
  ['2014-10-15', 'Thousands marched downtown on MLK Day.', 'MLK Day', 'DATE', '2014-01-20'],
  ['2014-10-15', 'The council sits on Fridays at noon in the old hall.', 'Fridays at noon', 'SET', 'XXXX-WXX-5T12:00'],
  ['2014-10-15', 'Church bells ring every Sunday at 10 a.m. in the village.', 'every Sunday at 10 a.m', 'SET', 'XXXX-WXX-7T10:00'],
  ['2014-10-15', 'The guard changes every day at noon outside the palace.', 'every day at noon', 'SET', 'XXXX-XX-XXT12:00'],
  ['2014-10-15', 'A farmers market is held every Friday morning in the square.', 'every Friday morning', 'SET', 'XXXX-WXX-5TMO'],
  ['2014-10-15', 'Markets in Tel Aviv were shut for Yom Kippur.', 'Yom Kippur', 'DATE', '2014-10-04'],
  ['2014-10-15', 'Rosh Hashanah fell on a Thursday this year.', 'Rosh Hashanah', 'DATE', '2014-09-25'],
  ['2014-10-15', 'The family will gather for Hanukkah in Brooklyn.', 'Hanukkah', 'DATE', '2014-12-17'],
  ['2014-10-15', 'Pilgrims crowded the old city for Passover.', 'Passover', 'DATE', '2014-04-15'],
  ['2014-10-15', 'Train stations were packed before the Lunar New Year.', 'Lunar New Year', 'DATE', '2014-01-31'],
  // Ramadan: the whole month of days (Umm al-Qura); "Ramazan" too. In its middle, a future verb
  // means this one, "last Ramadan" the one before. Nowruz: 1 Farvardin of the Persian calendar.
  ['2025-06-01', 'The truce held through Ramadan, officials said.', 'Ramadan', 'DATE', '2025-03-01/2025-03-29'],
  ['2025-03-15', 'Talks will resume after Ramadan, the mediators said.', 'Ramadan', 'DATE', '2025-03-01/2025-03-29'],
  ['2025-03-15', 'Last Ramadan the crossings stayed shut.', 'Last Ramadan', 'DATE', '2024-03-11/2024-04-09'],
  ['2025-06-01', 'Prices of dates soared during Ramadan 2024 in the capital.', 'Ramadan 2024', 'DATE', '2024-03-11/2024-04-09'],
  ['2025-06-01', 'The ministry expects record pilgrim numbers next Ramadan.', 'next Ramadan', 'DATE', '2026-02-18/2026-03-19'],
  ['2025-06-01', 'Istanbul restaurants filled at sunset during Ramazan.', 'Ramazan', 'DATE', '2025-03-01/2025-03-29'],
  // The Orthodox feasts: Christmas on 7 January, Easter by the Julian computus (2023: 16 April
  // against the Western 9 April); without "Orthodox", the Western ones.
  ['2023-01-03', 'Kyiv said the truce would not hold over Orthodox Christmas.', 'Orthodox Christmas', 'DATE', '2023-01-07'],
  ['2023-01-03', 'Churches will be full on Orthodox Christmas Eve in Belgrade.', 'Orthodox Christmas Eve', 'DATE', '2023-01-06'],
  ['2023-03-01', 'The patriarch will lead the service on Orthodox Easter in Moscow.', 'Orthodox Easter', 'DATE', '2023-04-16'],
  ['2023-03-01', 'Pilgrims will return to the monastery on Easter in April.', 'Easter', 'DATE', '2023-04-09'],
  ['2024-06-01', 'Shelling continued through last Orthodox Easter, officials said.', 'last Orthodox Easter', 'DATE', '2024-05-05'],
  ['2024-06-01', 'Crowds filled the square on Orthodox Easter Monday 2022.', 'Orthodox Easter Monday 2022', 'DATE', '2022-04-25'],
  // Independence Day is the United States' unless another country owns it, by name or adjective.
  ['2023-08-20', 'Zelensky will address the nation on Ukraine\'s Independence Day.', 'Independence Day', 'DATE', '2023-08-24'],
  ['2023-09-01', 'Delhi staged a flag-hoisting for India\'s 77th Independence Day.', 'Independence Day', 'DATE', '2023-08-15'],
  ['2023-09-01', 'Crowds lined the boulevard for the Indian Independence Day parade.', 'Independence Day', 'DATE', '2023-08-15'],
  ['2023-09-01', 'Manila hosted envoys on the Philippines\' Independence Day.', 'Independence Day', 'DATE', '2023-06-12'],
  ['2023-09-01', 'Juba held a subdued South Sudan\'s Independence Day in July.', 'Independence Day', 'DATE', '2023-07-09'],
  ['2023-09-01', 'Fireworks lit the harbor on American Independence Day.', 'Independence Day', 'DATE', '2023-07-04'],
  ['2023-09-01', 'Fireworks lit the harbor on Independence Day.', 'Independence Day', 'DATE', '2023-07-04'],
  // Israel's: 5 Iyar, off the Sabbath (2021: a Saturday, kept on Thursday 15 April; 2024: a Monday, kept on Tuesday).
  ['2021-06-01', 'Israel\'s Independence Day was marked with flyovers.', 'Independence Day', 'DATE', '2021-04-15'],
  ['2024-06-01', 'Jets flew over Tel Aviv on Israeli Independence Day.', 'Independence Day', 'DATE', '2024-05-14'],
  ['2026-01-10', 'Israel\'s Independence Day will fall in April this year.', 'Independence Day', 'DATE', '2026-04-22'],
  // 2030 holds two Ramadans (January and December): feasts are counted by Islamic year.
  ['2030-12-20', 'Shops in the old city will close early during Ramadan.', 'Ramadan', 'DATE', '2030-12-26/2031-01-23'],
  ['2030-11-01', 'Prices rose during Ramadan, traders said.', 'Ramadan', 'DATE', '2030-01-05/2030-02-03'],
  ['2025-01-10', 'Families in Tehran will travel for Nowruz.', 'Nowruz', 'DATE', '2025-03-21'],
  ['2025-01-10', 'The market was closed for Norouz last year.', 'Norouz last year', 'DATE', '2024-03-20'],
  ['2025-06-01', 'Two days after Ramadan the border reopened.', 'Two days after Ramadan', 'DATE', '2025-03-31'],
  ['2025-06-01', 'A week before Ramadan the envoys met in Doha.', 'A week before Ramadan', 'DATE', '2025-02-22'],
  ['2014-10-15', 'Factories will shut for Chinese New Year in February.', 'Chinese New Year', 'DATE', '2015-02-19'],
  ['2014-10-15', 'Unions marched through the capital on May Day.', 'May Day', 'DATE', '2014-05-01'],
  ['2014-10-15', 'Fireworks will light up Paris on Bastille Day.', 'Bastille Day', 'DATE', '2015-07-14'],
  ['2014-10-15', 'Poppies were laid at the memorial on Remembrance Day.', 'Remembrance Day', 'DATE', '2013-11-11'],
  ['2014-10-15', 'Veterans paraded through Sydney on Anzac Day.', 'Anzac Day', 'DATE', '2014-04-25'],
  ['2014-10-15', 'The city held its first parade for Juneteenth.', 'Juneteenth', 'DATE', '2014-06-19'],
  ['2014-10-15', 'Archaeologists say the wall was built in 1300 B.C. by farmers.', '1300 B.C.', 'DATE', 'BC1300'],
  ['2014-10-15', 'The port was founded around 600 B.C. by Greek traders.', 'around 600 B.C.', 'DATE', 'BC0600', 'APPROX'],
  ['2014-10-15', 'The temple burned in 70 A.D. during the siege.', '70 A.D.', 'DATE', '0070'],
  ['2014-10-15', 'Reserves rose to $30 billion at end-June, the bank said.', 'end-June', 'DATE', '2014-06', 'END'],
  ['2014-10-15', 'The plant will restart in early-March, its owner said.', 'early-March', 'DATE', '2015-03', 'START'],
  ['2014-10-15', 'The bank expects rates to rise by end-2015.', 'end-2015', 'DATE', '2015', 'END'],
  ['2014-10-15', 'Output should recover in late-2016, analysts said.', 'late-2016', 'DATE', '2016', 'END'],
  ['2014-10-15', 'The band had its biggest hits in the late \'90s.', "late '90s", 'DATE', '199X', 'END'],
  // Days of the month as spoken: after the month with "the", spelled out, counted from a day.
  ['2014-10-15', 'The council will hold the ballot on March the 15th, a spokesman said.', 'March the 15th', 'DATE', '2015-03-15'],
  ['2014-10-15', 'The council held the ballot on March the twelfth.', 'March the twelfth', 'DATE', '2014-03-12'],
  ['2014-10-15', 'The rebels surrendered on the fifth of November 1605, a historian wrote.', 'the fifth of November 1605', 'DATE', '1605-11-05'],
  ['2014-10-15', 'The assembly will sit again on the twenty-first of June.', 'the twenty-first of June', 'DATE', '2015-06-21'],
  ['2014-10-15', 'The ferries stopped running on the second of May.', 'the second of May', 'DATE', '2014-05-02'],
  ['2014-10-15', 'The envoy returns on Friday the seventeenth, aides said.', 'Friday the seventeenth', 'DATE', '2014-10-17'],
  ['2014-10-15', 'The fort was built in the fifth century by monks.', 'the fifth century', 'DATE', '04'],
  ['2014-10-15', 'The verdict is due three weeks from Monday.', 'three weeks from Monday', 'DATE', '2014-11-10'],
  ['2014-10-15', 'The bill takes effect 30 days from 1 November.', '30 days from 1 November', 'DATE', '2014-12-01'],
  ['2014-10-15', 'The dam burst 25 years ago this month, killing hundreds.', '25 years ago this month', 'DATE', '1989-10'],
  ['2014-10-15', 'The treaty was signed a year ago this week in Oslo.', 'a year ago this week', 'DATE', '2013-W42'],
  ['2014-10-15', 'The strike began two years ago today at the port.', 'two years ago today', 'DATE', '2012-10-15'],
  // British: "Monday week", "a week on Friday", "a week last Friday", "a week today", "a fortnight tomorrow".
  ['2013-03-20', 'The talks resume Monday week in Brussels.', 'Monday week', 'DATE', '2013-04-01'],
  ['2013-03-20', 'The vote is a week on Friday, the Speaker said.', 'a week on Friday', 'DATE', '2013-03-29'],
  ['2013-03-20', 'Talks resume two weeks on Monday.', 'two weeks on Monday', 'DATE', '2013-04-08'],
  ['2013-03-20', 'The vote was held a week last Friday.', 'a week last Friday', 'DATE', '2013-03-08'],
  ['2013-03-20', 'He returns to Westminster a week today.', 'a week today', 'DATE', '2013-03-27'],
  ['2013-03-20', 'Results come out a fortnight tomorrow.', 'a fortnight tomorrow', 'DATE', '2013-04-04'],
  ['2013-03-20', 'They stayed a week on Friday\'s orders.', 'a week', 'DURATION', 'P1W'],
];

// Helper G: a rate after a count is no mention; "a year ago" after an amount is still a date.
const RATE_ROWS: [string, string | null][] = [
  ['The airline will add 600 seats a week on the route.', null],
  ['Factories shed 12,000 jobs a month last year.', 'last year'],
  ['Profit fell to $4 million from $9 million a year ago.', 'a year ago'],
];

for (const [sentence, text] of RATE_ROWS) {
  test(`rate · ${sentence} → ${text ?? 'nothing'}`, () => {
    assert.deepEqual(datesOf(sentence, '2025-10-26').map((d) => d.text), text ? [text] : []);
  });
}

function datesOf(sentence: string, published: string) {
  return recognizeDates(parseArticle(`---\ndate: ${published}\n---\n${sentence}`)).dates;
}

test(`the table has at least 300 rows (${ROWS.length})`, () => {
  assert.ok(ROWS.length >= 300);
});

for (const [published, sentence, text, type, value, mod] of ROWS) {
  test(`${published} · ${sentence} → ${text ?? 'no date'}`, () => {
    const dates = datesOf(sentence, published);
    if (text === null) {
      assert.deepEqual(dates.filter((d) => d.type === 'DATE' || d.type === 'TIME').map((d) => d.text), []);
      return;
    }
    const d = dates.find((x) => x.text === text);
    assert.ok(d, `no '${text}' in ${JSON.stringify(dates.map((x) => x.text))}`);
    assert.deepEqual([d.type, d.value, d.mod], [type, value, mod], d.resolution.rule);
  });
}

/** [setting, sentence, expression, value, uncertain] for `attache.dates.numericOrder` (articles published 2025-06-01). */
const NUMERIC: [NumericOrder | undefined, string, string, string, boolean][] = [
  [undefined, 'The accord was signed on 03/04/2025 in Doha.', '03/04/2025', '2025-03-04', true],
  ['auto', 'The accord was signed on 03/04/2025 in Doha.', '03/04/2025', '2025-03-04', true],
  ['mdy', 'The accord was signed on 03/04/2025 in Doha.', '03/04/2025', '2025-03-04', false],
  ['dmy', 'The accord was signed on 03/04/2025 in Doha.', '03/04/2025', '2025-04-03', false],
  ['auto', 'Talks began on 13/02/2025; the accord was signed on 03/04/2025.', '03/04/2025', '2025-04-03', false],
  ['auto', 'Talks began on 02/13/2025; the accord was signed on 03/04/2025.', '03/04/2025', '2025-03-04', false],
  ['auto', 'Talks began on 13/02/2025 and 14/02/2025, ended 02/20/2025; signed 03/04/2025.', '03/04/2025', '2025-04-03', false],
  ['auto', 'Talks began on 13/02/2025, ended 02/20/2025; signed 03/04/2025.', '03/04/2025', '2025-03-04', true],
  ['dmy', 'Talks began on 02/13/2025 in Doha.', '02/13/2025', '2025-02-13', false],
  ['mdy', 'Talks began on 13/02/2025 in Doha.', '13/02/2025', '2025-02-13', false],
  ['auto', 'The truce held from 04/04/2025 onwards.', '04/04/2025', '2025-04-04', false],
  ['mdy', 'The truce was declared on 03.04.2025 in Doha.', '03.04.2025', '2025-04-03', false],
  ['auto', 'The truce was declared on 2025/03/04 in Doha.', '2025/03/04', '2025-03-04', false],
  ['dmy', 'Ministers met on 3/4/25 in Doha.', '3/4/25', '2025-04-03', false],
];

for (const [setting, sentence, text, value, uncertain] of NUMERIC) {
  test(`numericOrder ${setting ?? '(default)'} · ${sentence} → ${value}`, () => {
    const article = parseArticle(`---\ndate: 2025-06-01\n---\n${sentence}`);
    const d = recognizeDates(article, undefined, setting ? { numericOrder: setting } : {}).dates.find((x) => x.text === text);
    assert.ok(d, `no '${text}'`);
    assert.equal(d.value, value, d.resolution.rule);
    assert.equal(d.uncertain, uncertain ? 'ambiguous numeric date: read as month/day/year (attache.dates.numericOrder)' : undefined);
  });
}

/** Sets: [sentence, expression, value, quant, freq] (articles published 2013-03-20). */
const SETS: [string, string, string, string | undefined, string | undefined][] = [
  ['The council meets twice a week in the old palace.', 'twice a week', 'P1W', undefined, '2X'],
  ['Once a year, the elders meet in the valley.', 'Once a year', 'P1Y', undefined, '1X'],
  ['Ferries cross three times a day in summer.', 'three times a day', 'P1D', undefined, '3X'],
  ['Ferries cross several times a day in summer.', 'a day', 'P1D', undefined, undefined],
  ['Inspectors visit the camp every other week.', 'every other week', 'P2W', 'EVERY', undefined],
  ['The club meets on the second Tuesday of each month.', 'the second Tuesday of each month', 'P1M', 'EACH', undefined],
  ['Every other delegate voted against the plan.', '', '', undefined, undefined],
];

for (const [sentence, text, value, quant, freq] of SETS) {
  test(`set · ${sentence} → ${text || 'nothing'}`, () => {
    const dates = datesOf(sentence, '2013-03-20');
    if (!text) {
      assert.deepEqual(dates.map((d) => d.text), []);
      return;
    }
    const d = dates.find((x) => x.text === text);
    assert.ok(d, `no '${text}' in ${JSON.stringify(dates.map((x) => x.text))}`);
    assert.deepEqual([d.type, d.value, d.quant, d.freq], ['SET', value, quant, freq], d.resolution.rule);
  });
}

/** A span ending at the date after it: [publication date, sentence, duration, range start, range end] (null: no range). */
const SPANS: [string, string, string, string | null, string | null][] = [
  ['2013-03-22', 'Exports grew 4% in the three months to June, the agency said.', 'three months', '2012-04', '2012-06'],
  ['2013-08-02', 'Profit rose in the six months to June 30, the bank said.', 'six months', '2013-01', '2013-06-30'],
  ['2013-11-05', 'Sales rose 4% in the 12 months through September, the firm said.', '12 months', '2012-10', '2013-09'],
  ['2013-03-22', 'Imports fell in the seven days to Sunday, traders said.', 'seven days', '2013-03-11', '2013-03-17'],
  ['2013-03-22', 'Output grew in the past two years through 2012.', 'the past two years', '2011', '2012'],
  ['2013-11-05', 'The first nine months to September were weak for the mill.', 'The first nine months', '2013-01', '2013-09'],
  ['2013-03-22', 'The ministry delayed the vote by two weeks to March 5.', 'two weeks', null, null],
  ['2013-03-22', 'The ministry worked for months to June on the plan.', 'months', null, null],
];

for (const [published, sentence, text, start, end] of SPANS) {
  test(`span to a date · ${sentence} → ${start ?? 'no range'}`, () => {
    const dates = datesOf(sentence, published);
    const d = dates.find((x) => x.text === text);
    assert.ok(d, `no '${text}' in ${JSON.stringify(dates.map((x) => x.text))}`);
    assert.equal(d.type, 'DURATION');
    assert.deepEqual(d.range ?? null, start ? { start, end } : null, d.resolution.rule);
  });
}

/** Sentences with no temporal expression of any type (not even a duration or a set). */
const NONE: [string, string][] = [
  ['2013-03-22', 'Guards watch the embassy 24 hours a day.'],
  ['2013-03-22', 'The inspectors may work ten hours per week at the site.'],
  ['2013-03-22', 'Troops spent two year in the valley.'],
  ['2013-03-22', 'The ruling party daily Pravda printed the speech.'],
  ['2013-03-22', 'The statement ran in China Daily on its front page.'],
  ['2013-03-22', 'Tensions grew in the last quarter of the century.'],
  ['2014-10-15', 'Every morning paper led with the verdict.'],
  ['2014-10-15', 'Police detained Ahmed Eid at the airport.'],
  ['2014-10-15', 'Eid Mubarak, the embassy wrote to its staff.'],
  ['2014-10-15', 'Nairobi marked its Independence Day with a parade.'],
  ['2014-10-15', 'Canada sent troops as the Earth shook.'],
  ['2014-10-15', 'Theresa said she may day-trade.'],
];

for (const [published, sentence] of NONE) {
  test(`${published} · ${sentence} → nothing`, () => {
    assert.deepEqual(datesOf(sentence, published).map((d) => `${d.type} ${d.text}`), []);
  });
}

/**
 * Dates counted from an event named in words: [publication date, text, expression, type, value,
 * what the explanation must name as the date counted from (null: no date is counted from)]. A null
 * expression asserts that the text holds only the dates listed in the explanation column's place.
 */
const FILLER = ' The minister spoke at length about roads, schools and the budget of the provinces.'.repeat(20);
const EVENT_ROWS: [string, string, string, string, string, string | null][] = [
  ['2021-03-20', 'The envoy was killed on 4 March 2021. His aides fled the city the day after his death.', 'day', 'DATE', '2021-03-05', '2021-03-04'],
  ['2019-06-20', 'Rebels attacked the town on 12 June 2019. Scouts had been sighted nine days before the attack.', 'nine days', 'DATE', '2019-06-03', '2019-06-12'],
  ['2022-05-20', 'Parliament voted on 2 May 2022 to dissolve itself. A week after the vote, the cabinet resigned.', 'A week', 'DATE', '2022-05-09', '2022-05-02'],
  ['2020-10-20', 'A bomb was detonated outside the ministry on 30 September 2020. Guards noticed the van in the weeks before the bombing.', 'weeks', 'DATE', '2020-09', '2020-09-30'],
  ['2018-05-20', 'The dam collapsed on 29 April 2018. In the days after the collapse, villagers fled uphill.', 'days', 'DATE', '2018-05', '2018-04-29'],
  ['2016-07-20', 'A car bomb exploded in the square on 8 July 2016. Hours after the blast, the border was closed.', 'Hours', 'DATE', '2016-07-08', '2016-07-08'],
  ['2022-04-20', 'Troops invaded on 24 February 2022. In the months leading up to the invasion, diplomats shuttled between capitals.', 'months', 'DATE', '2021', '2022-02-24'],
  ['2013-03-22', 'The judge was shot dead last fall outside his home. Neighbours saw the car in the days before the shooting.', 'days', 'DATE', '2012-FA', '2012-FA'],
  ['2023-03-20', 'Talks opened in Geneva on 3 March 2023. Two days after the ceasefire, shelling resumed.', 'Two days', 'DATE', '2023-03-05', '2023-03-03'],
  ['2025-05-10', 'Rebels attacked the base on 2 May. A guard saw the truck at 6 a.m. ten days before the attack.', '6 a.m', 'TIME', '2025-04-22T06:00', '2025-05-02'],
  ['2024-09-20', 'The activist was arrested in Lyon on 6 September 2024. Days after he was arrested, his lawyer appealed.', 'Days', 'DATE', '2024-09', '2024-09-06'],
  ['2024-09-20', 'The plane crashed near the coast on 6 September 2024. Two weeks after the plane crashed, divers found the recorder.', 'Two weeks', 'DATE', '2024-09-20', '2024-09-06'],
  ['2024-09-20', 'Friends gathered on Sunday, one year after he was killed.', 'one year', 'DURATION', 'P1Y', null],
  ['2025-05-10', 'Parliament met on 5 May. Hours after the quake struck, rescuers came. Three days before the election, polls showed a tie.', 'Three days', 'DATE', '2025-05-02', '2025-05-05'],
  ['2024-09-20', 'The minister spoke in Riga on 2 September 2024. Ten years after the war, the border is still closed.', 'Ten years', 'DURATION', 'P10Y', null],
  ['2024-09-20', 'Rebels seized the town on 2 September 2022. Two years after the invasion, the town is empty.', 'Two years', 'DATE', '2024-09-02', '2022-09-02'],
  // Guards: a span, an event with its own date, no date before, a noun modifying another, "for".
  ['2023-03-20', 'The siege lasted 13 days before the truce.', '13 days', 'DURATION', 'P13D', null],
  ['2025-05-10', 'The rebels struck two days after the vote on 3 May.', 'two days', 'DURATION', 'P2D', null],
  ['2025-05-10', 'Ten days before the murder, a jogger saw the car.', 'Ten days', 'DURATION', 'P10D', null],
  ['2025-05-10', 'The mayor was elected on 2 May. He left a week after the election campaign began.', 'a week', 'DURATION', 'P1W', null],
  ['2025-05-10', 'Rebels attacked on 2 May. It rained for days after the attack.', 'days', 'DURATION', 'PXD', null],
  ['2025-05-10', `Talks opened in Geneva on 3 March.${FILLER} Ten days before the crash, the pilots were changed.`, 'Ten days', 'DURATION', 'P10D', null],
];

for (const [published, sentence, text, type, value, from] of EVENT_ROWS) {
  test(`from an event · ${sentence.slice(-70)} → ${text} ${value}`, () => {
    const d = datesOf(sentence, published).find((x) => x.text === text);
    assert.ok(d, `no '${text}' in ${JSON.stringify(datesOf(sentence, published).map((x) => x.text))}`);
    assert.deepEqual([d.type, d.value], [type, value], d.resolution.rule);
    if (from) {
      assert.ok(d.resolution.rule.includes(from), d.resolution.rule);
      assert.equal(typeof d.anchor === 'object' && 'previous' in d.anchor, true);
    }
  });
}

test('from an event · "the day after his death" with no date before it is no date', () => {
  assert.deepEqual(datesOf('Police came to the house the day after his death.', '2025-05-10').map((d) => d.text), []);
});

test('from an event · "two days after the vote on 3 May" keeps the date of the vote', () => {
  const dates = datesOf('The rebels struck two days after the vote on 3 May.', '2025-05-10');
  assert.deepEqual(dates.map((d) => [d.text, d.type, d.value]), [['two days', 'DURATION', 'P2D'], ['3 May', 'DATE', '2025-05-03']]);
});

// Helper G (issue #13): frequency words that are no SET, and the ones that stay.
const SET_ROWS: [string, string | null][] = [
  ['The bank raised its quarterly dividend to 30 cents.', null],
  ['The firm declared an initial quarterly of five cents a share.', null],
  ['Revenue should rise 6% annually through the decade.', null],
  ['The plant makes 5,000 cars annually.', null],
  ['Royalties of $4 million annually go to the state.', null],
  ['Rates are reset quarterly and posted online.', 'quarterly'],
  ['The festival is held annually in the old town.', 'annually'],
  ['The airline plans daily flights to the coast.', 'daily'],
];

test('"most recently" before a date: the date alone', () => {
  const dates = datesOf('Three envoys were expelled, most recently last March.', '2025-10-26');
  assert.deepEqual(dates.map((d) => [d.text, d.value]), [['last March', '2025-03']]);
});

for (const [sentence, set] of SET_ROWS) {
  test(`SET · ${sentence} → ${set ?? 'no SET'}`, () => {
    const sets = datesOf(sentence, '2025-10-26').filter((d) => d.type === 'SET').map((d) => d.text);
    assert.deepEqual(sets, set ? [set] : []);
  });
}

test('feast days are computed once per scanner and stay right across articles of other dates', () => {
  const scanner = new DateScanner();
  const read = (published: string, sentence: string): (string | null)[] =>
    recognizeDates(parseArticle(`---\ndate: ${published}\n---\n${sentence}\n`), scanner).dates.map((d) => d.value);
  const sentence = 'Crowds gathered for Eid al-Fitr after Ramadan, and again at Passover.';
  const first = read('2025-06-01', sentence);
  assert.deepEqual(first, ['2025-03-30', '2025-03-01/2025-03-29', '2025-04-13']);
  const computed = scanner.feastDays.size;
  assert.ok(computed > 0, 'the days are kept on the scanner');
  // The same text again: nothing new is computed, the same values come back.
  assert.deepEqual(read('2025-06-01', sentence), first);
  assert.equal(scanner.feastDays.size, computed);
  // Another publication date with the same scanner: that year's feasts (equal to a fresh scanner's).
  const other = read('2031-06-01', sentence);
  assert.deepEqual(other, recognizeDates(parseArticle(`---\ndate: 2031-06-01\n---\n${sentence}\n`), new DateScanner()).dates.map((d) => d.value));
  assert.deepEqual(other, ['2031-01-24', '2030-12-26/2031-01-23', '2031-04-08']);
});
