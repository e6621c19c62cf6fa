/**
 * Calendar time as glibc gives it with the zone UTC (the only zone the model has): gmtime and
 * localtime, mktime's normalisation, asctime and ctime, difftime and strftime's conversions. The
 * expected text is what fixtures/probes/c/time.c printed when built with gcc 12 and run with
 * TZ=UTC on Linux 6.18 (`fixtures/probes/c/run.sh time`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runC } from '../testing';

const TIME = `gmtime: 1970-01-01 00:00:00 wday 4 yday 0 isdst 0 gmtoff 0 zone GMT
localtime: 1970-01-01 00:00:00 wday 4 yday 0 isdst 0 gmtoff 0 zone UTC
ctime: Thu Jan  1 00:00:00 1970
asctime_r: Thu Jan  1 00:00:00 1970
strftime 177: Thu Thursday Jan January 19 01 01/01/70  1 1970-01-01 00 12 001  0 12 01 00 AM 12:00:00 AM 00:00 00 00:00:00 4 4 01/01/70 00:00:00 70 1970 +0000 GMT % 0 00 00 01 1970 70 Jan 
	|
%c 24: Thu Jan  1 00:00:00 1970
gmtime: 2000-02-29 00:00:00 wday 2 yday 59 isdst 0 gmtoff 0 zone GMT
localtime: 2000-02-29 00:00:00 wday 2 yday 59 isdst 0 gmtoff 0 zone UTC
ctime: Tue Feb 29 00:00:00 2000
asctime_r: Tue Feb 29 00:00:00 2000
strftime 185: Tue Tuesday Feb February 20 29 02/29/00 29 2000-02-29 00 12 060  0 12 02 00 AM 12:00:00 AM 00:00 00 00:00:00 2 2 02/29/00 00:00:00 00 2000 +0000 GMT % 951782400 09 09 09 2000 00 Feb 
	|
%c 24: Tue Feb 29 00:00:00 2000
gmtime: 2026-01-01 00:00:05 wday 4 yday 0 isdst 0 gmtoff 0 zone GMT
localtime: 2026-01-01 00:00:05 wday 4 yday 0 isdst 0 gmtoff 0 zone UTC
ctime: Thu Jan  1 00:00:05 2026
asctime_r: Thu Jan  1 00:00:05 2026
strftime 186: Thu Thursday Jan January 20 01 01/01/26  1 2026-01-01 00 12 001  0 12 01 00 AM 12:00:05 AM 00:00 05 00:00:05 4 4 01/01/26 00:00:05 26 2026 +0000 GMT % 1767225605 00 00 01 2026 26 Jan 
	|
%c 24: Thu Jan  1 00:00:05 2026
gmtime: 2024-02-29 12:34:56 wday 4 yday 59 isdst 0 gmtoff 0 zone GMT
localtime: 2024-02-29 12:34:56 wday 4 yday 59 isdst 0 gmtoff 0 zone UTC
ctime: Thu Feb 29 12:34:56 2024
asctime_r: Thu Feb 29 12:34:56 2024
strftime 187: Thu Thursday Feb February 20 29 02/29/24 29 2024-02-29 12 12 060 12 12 02 34 PM 12:34:56 PM 12:34 56 12:34:56 4 4 02/29/24 12:34:56 24 2024 +0000 GMT % 1709210096 08 09 09 2024 24 Feb 
	|
%c 24: Thu Feb 29 12:34:56 2024
gmtime: 2099-12-31 23:59:59 wday 4 yday 364 isdst 0 gmtoff 0 zone GMT
localtime: 2099-12-31 23:59:59 wday 4 yday 364 isdst 0 gmtoff 0 zone UTC
ctime: Thu Dec 31 23:59:59 2099
asctime_r: Thu Dec 31 23:59:59 2099
strftime 187: Thu Thursday Dec December 20 31 12/31/99 31 2099-12-31 23 11 365 23 11 12 59 PM 11:59:59 PM 23:59 59 23:59:59 4 4 12/31/99 23:59:59 99 2099 +0000 GMT % 4102444799 52 52 53 2099 99 Dec 
	|
%c 24: Thu Dec 31 23:59:59 2099
gmtime: 1969-12-30 23:59:59 wday 2 yday 363 isdst 0 gmtoff 0 zone GMT
localtime: 1969-12-30 23:59:59 wday 2 yday 363 isdst 0 gmtoff 0 zone UTC
ctime: Tue Dec 30 23:59:59 1969
asctime_r: Tue Dec 30 23:59:59 1969
strftime 182: Tue Tuesday Dec December 19 30 12/30/69 30 1969-12-30 23 11 364 23 11 12 59 PM 11:59:59 PM 23:59 59 23:59:59 2 2 12/30/69 23:59:59 69 1969 +0000 GMT % -86401 52 52 01 1970 70 Dec 
	|
%c 24: Tue Dec 30 23:59:59 1969
mktime 1769997721
normalised: 2026-02-02 02:02:01 wday 1 yday 32 isdst 0 gmtoff 0 zone UTC
difftime 2772121.0
small buffer 0
empty 0
`;

const source = readFileSync(new URL('../../../../fixtures/probes/c/time.c', import.meta.url), 'utf8');

describe('calendar time, as glibc in UTC', () => {
  const lines = () => runC(source).stdout.split('\n');
  const expected = TIME.split('\n');

  it('gmtime names the zone GMT, localtime UTC; leap days and times before 1970 break down right', () => {
    const pick = (ls: string[]) => ls.filter((l) => l.startsWith('gmtime') || l.startsWith('localtime'));
    expect(pick(lines())).toEqual(pick(expected));
  });

  it('ctime and asctime_r write "Thu Jan  1 00:00:05 2026" and a newline', () => {
    const pick = (ls: string[]) => ls.filter((l) => l.startsWith('ctime') || l.startsWith('asctime'));
    expect(pick(lines())).toEqual(pick(expected));
  });

  it('mktime normalises out-of-range fields and strftime returns 0 when the text does not fit', () => {
    expect(lines().slice(-6)).toEqual(expected.slice(-6));
  });

  it('prints everything as the gcc-built program did, strftime conversions included', () => {
    expect(runC(source)).toMatchObject({ stdout: TIME, exit: 0 });
  });
});
