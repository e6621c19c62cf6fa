/**
 * Calendar time as glibc gives it in the C locale with the zone UTC (the model has no other
 * zone; /etc/localtime is UTC on the machines it was measured on): gmtime and localtime (zone
 * names "GMT" and "UTC"), their _r forms, mktime and timegm with glibc's normalisation,
 * asctime and ctime, difftime and strftime. localtime, gmtime, asctime and ctime return static
 * storage that the next call overwrites, as glibc's do.
 */
import type { NativeResult } from '../vm/native';
import type { VM } from '../vm/vm';
import { cstr, staticBytes } from './util';

type Natives = Record<string, (vm: VM, a: number[]) => NativeResult>;

/** struct tm on x86-64: nine ints, then long tm_gmtoff at 40 and const char *tm_zone at 48. */
const TM_SIZE = 56;

export interface Tm {
  sec: number;
  min: number;
  hour: number;
  mday: number;
  /** 0-11 */
  mon: number;
  /** years since 1900 */
  year: number;
  wday: number;
  yday: number;
  zone: 'GMT' | 'UTC';
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The broken-down UTC time of seconds since the epoch. */
export function breakDown(t: number, zone: Tm['zone']): Tm {
  const days = Math.floor(t / 86400);
  const secs = t - days * 86400;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const mday = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return {
    sec: secs % 60,
    min: Math.floor(secs / 60) % 60,
    hour: Math.floor(secs / 3600),
    mday,
    mon: month - 1,
    year: year - 1900,
    wday: (((days + 4) % 7) + 7) % 7,
    yday: days - daysFromCivil(year, 1, 1),
    zone,
  };
}

/** Seconds since the epoch of broken-down fields, any of them out of range (mktime's arithmetic). */
function toSeconds(f: {
  sec: number;
  min: number;
  hour: number;
  mday: number;
  mon: number;
  year: number;
}): number {
  const y = f.year + 1900 + Math.floor(f.mon / 12);
  const m = (((f.mon % 12) + 12) % 12) + 1;
  return (daysFromCivil(y, m, 1) + f.mday - 1) * 86400 + f.hour * 3600 + f.min * 60 + f.sec;
}

function readTm(vm: VM, at: number) {
  const m = vm.mem;
  return {
    sec: m.i32(at),
    min: m.i32(at + 4),
    hour: m.i32(at + 8),
    mday: m.i32(at + 12),
    mon: m.i32(at + 16),
    year: m.i32(at + 20),
    wday: m.i32(at + 24),
    yday: m.i32(at + 28),
    gmtoff: m.i64(at + 40),
    zone: m.u64(at + 48),
  };
}

function writeTm(vm: VM, at: number, t: Tm): number {
  const m = vm.mem;
  const fields = [t.sec, t.min, t.hour, t.mday, t.mon, t.year, t.wday, t.yday, 0];
  fields.forEach((v, i) => {
    m.setU32(at + i * 4, v);
  });
  m.setU32(at + 36, 0);
  m.setU64(at + 40, 0);
  m.setU64(at + 48, staticBytes(vm, `zone:${t.zone}`, new TextEncoder().encode(t.zone)));
  return at;
}

const pad = (n: number, width: number, fill = '0') => String(n).padStart(width, fill);

/** asctime's "Thu Jan  1 00:00:05 2026\n". */
function asctimeText(t: {
  wday: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  year: number;
}) {
  const day = DAYS[t.wday]?.slice(0, 3) ?? '???';
  const month = MONTHS[t.mon]?.slice(0, 3) ?? '???';
  return `${day} ${month}${pad(t.mday, 3, ' ')} ${pad(t.hour, 2)}:${pad(t.min, 2)}:${pad(t.sec, 2)} ${t.year + 1900}\n`;
}

/** ISO 8601 week-based year and week of a date (%G, %V). */
function isoWeek(year: number, yday: number, wday: number): { year: number; week: number } {
  const isoWday = (wday + 6) % 7; // Monday 0
  const week = Math.floor((yday - isoWday + 10) / 7);
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (week < 1) {
    const prev = year - 1;
    const prevYday = yday + (leap(prev) ? 366 : 365);
    return { year: prev, week: Math.floor((prevYday - isoWday + 10) / 7) };
  }
  const daysInYear = leap(year) ? 366 : 365;
  if (week === 53 && yday - isoWday + 3 >= daysInYear) return { year: year + 1, week: 1 };
  return { year, week };
}

/** strftime's text for a format and a struct tm, in the C locale. */
export function strftimeText(vm: VM, fmt: string, tmAt: number): string {
  const t = readTm(vm, tmAt);
  const year = t.year + 1900;
  const h12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  const conv = (c: string): string => {
    switch (c) {
      case 'a':
        return DAYS[t.wday]?.slice(0, 3) ?? '?';
      case 'A':
        return DAYS[t.wday] ?? '?';
      case 'b':
      case 'h':
        return MONTHS[t.mon]?.slice(0, 3) ?? '?';
      case 'B':
        return MONTHS[t.mon] ?? '?';
      case 'c':
        return asctimeText(t).slice(0, -1);
      case 'C':
        return pad(Math.floor(year / 100), 2);
      case 'd':
        return pad(t.mday, 2);
      case 'D':
      case 'x':
        return `${pad(t.mon + 1, 2)}/${pad(t.mday, 2)}/${pad(((year % 100) + 100) % 100, 2)}`;
      case 'e':
        return pad(t.mday, 2, ' ');
      case 'F':
        return `${year}-${pad(t.mon + 1, 2)}-${pad(t.mday, 2)}`;
      case 'G':
        return String(isoWeek(year, t.yday, t.wday).year);
      case 'g':
        return pad(isoWeek(year, t.yday, t.wday).year % 100, 2);
      case 'H':
        return pad(t.hour, 2);
      case 'I':
        return pad(h12, 2);
      case 'j':
        return pad(t.yday + 1, 3);
      case 'k':
        return pad(t.hour, 2, ' ');
      case 'l':
        return pad(h12, 2, ' ');
      case 'm':
        return pad(t.mon + 1, 2);
      case 'M':
        return pad(t.min, 2);
      case 'n':
        return '\n';
      case 'p':
        return t.hour < 12 ? 'AM' : 'PM';
      case 'r':
        return `${pad(h12, 2)}:${pad(t.min, 2)}:${pad(t.sec, 2)} ${t.hour < 12 ? 'AM' : 'PM'}`;
      case 'R':
        return `${pad(t.hour, 2)}:${pad(t.min, 2)}`;
      case 's':
        return String(toSeconds(t));
      case 'S':
        return pad(t.sec, 2);
      case 't':
        return '\t';
      case 'T':
      case 'X':
        return `${pad(t.hour, 2)}:${pad(t.min, 2)}:${pad(t.sec, 2)}`;
      case 'u':
        return String(t.wday === 0 ? 7 : t.wday);
      case 'U':
        return pad(Math.floor((t.yday + 7 - t.wday) / 7), 2);
      case 'V':
        return pad(isoWeek(year, t.yday, t.wday).week, 2);
      case 'w':
        return String(t.wday);
      case 'W':
        return pad(Math.floor((t.yday + 7 - ((t.wday + 6) % 7)) / 7), 2);
      case 'y':
        return pad(((year % 100) + 100) % 100, 2);
      case 'Y':
        return String(year);
      case 'z': {
        const off = Math.abs(t.gmtoff);
        return `${t.gmtoff < 0 ? '-' : '+'}${pad(Math.floor(off / 3600), 2)}${pad(Math.floor(off / 60) % 60, 2)}`;
      }
      case 'Z':
        return t.zone === 0 ? '' : cstr(vm, t.zone);
      case '%':
        return '%';
      default:
        return `%${c}`;
    }
  };
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== '%' || i + 1 >= fmt.length) out += fmt[i];
    else out += conv(fmt[++i]);
  }
  return out;
}

const staticTm = (vm: VM) => staticBytes(vm, 'struct tm', new Uint8Array(TM_SIZE - 1));
const staticText = (vm: VM) => staticBytes(vm, 'asctime', new Uint8Array(25));

function writeText(vm: VM, at: number, text: string): number {
  vm.mem.write(at, new TextEncoder().encode(text));
  vm.mem.setU8(at + text.length, 0);
  return at;
}

/** mktime and timegm: the seconds of the fields, which are rewritten normalised. */
function makeTime(vm: VM, at: number, zone: Tm['zone']): number {
  const t = toSeconds(readTm(vm, at));
  writeTm(vm, at, breakDown(t, zone));
  return t;
}

export const CALENDAR: Natives = {
  gmtime: (vm, a) => writeTm(vm, staticTm(vm), breakDown(vm.mem.i64(a[0]), 'GMT')),
  localtime: (vm, a) => writeTm(vm, staticTm(vm), breakDown(vm.mem.i64(a[0]), 'UTC')),
  gmtime_r: (vm, a) => writeTm(vm, a[1], breakDown(vm.mem.i64(a[0]), 'GMT')),
  localtime_r: (vm, a) => writeTm(vm, a[1], breakDown(vm.mem.i64(a[0]), 'UTC')),
  mktime: (vm, a) => makeTime(vm, a[0], 'UTC'),
  timegm: (vm, a) => makeTime(vm, a[0], 'GMT'),
  asctime: (vm, a) => writeText(vm, staticText(vm), asctimeText(readTm(vm, a[0]))),
  asctime_r: (vm, a) => writeText(vm, a[1], asctimeText(readTm(vm, a[0]))),
  ctime: (vm, a) => writeText(vm, staticText(vm), asctimeText(breakDown(vm.mem.i64(a[0]), 'UTC'))),
  ctime_r: (vm, a) => writeText(vm, a[1], asctimeText(breakDown(vm.mem.i64(a[0]), 'UTC'))),
  difftime: (_, a) => a[0] - a[1],
  tzset: () => 0,
  strftime: (vm, a) => {
    const text = strftimeText(vm, cstr(vm, a[2]), a[3]);
    if (text.length + 1 > a[1]) return 0;
    return writeText(vm, a[0], text) === a[0] ? text.length : 0;
  },
};
