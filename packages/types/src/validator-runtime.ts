/**
 * What the generated response validators (src/generated/<api>.validators.ts, ajv standalone code) call at
 * run time, instead of importing ajv and ajv-formats: the string length ajv counts, and the formats the
 * specs use, each ported from ajv-formats 3.0.1 (MIT) with the same shape (`{ validate }`) and verdicts.
 * test/validators.test.ts compares every one with ajv-formats'; the generator fails on a format
 * that is missing here.
 */

/** String length in Unicode code points, as ajv counts it for minLength/maxLength (a surrogate pair is one). */
export function ucs2length(text: string): number {
  let length = 0;
  for (let position = 0; position < text.length; length++) {
    const code = text.charCodeAt(position++);
    if (code >= 0xd800 && code <= 0xdbff && position < text.length && (text.charCodeAt(position) & 0xfc00) === 0xdc00) position++;
  }
  return length;
}

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
const DATE_TIME_SEPARATOR = /t|\s/i;

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** RFC 3339 full-date. */
function date(text: string): boolean {
  const matches = DATE.exec(text);
  if (!matches) return false;
  const year = +(matches[1] as string);
  const month = +(matches[2] as string);
  const day = +(matches[3] as string);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : (DAYS[month] as number));
}

/** RFC 3339 full-time, the time zone required; a leap second only at 23:59:60 UTC. */
function time(text: string): boolean {
  const matches = TIME.exec(text);
  if (!matches) return false;
  const hour = +(matches[1] as string);
  const minute = +(matches[2] as string);
  const second = +(matches[3] as string);
  const zoneSign = matches[5] === '-' ? -1 : 1;
  const zoneHour = +(matches[6] || 0);
  const zoneMinute = +(matches[7] || 0);
  if (zoneHour > 23 || zoneMinute > 59 || !matches[4]) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  const utcMinute = minute - zoneMinute * zoneSign;
  const utcHour = hour - zoneHour * zoneSign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}

/** The formats the specs use, by name. */
export const formats: Readonly<Record<string, { readonly validate: (value: never) => boolean }>> = {
  'date-time': {
    validate: (text: string) => {
      const parts = text.split(DATE_TIME_SEPARATOR);
      return parts.length === 2 && date(parts[0] as string) && time(parts[1] as string);
    },
  },
  int32: { validate: (value: number) => Number.isInteger(value) && value <= 2 ** 31 - 1 && value >= -(2 ** 31) },
  // JSON numbers are doubles: any integer is an int64.
  int64: { validate: (value: number) => Number.isInteger(value) },
};
