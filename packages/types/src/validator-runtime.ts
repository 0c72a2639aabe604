/**
 * What the generated response validators (src/generated/<api>.validators.ts, ajv standalone code) call at
 * run time, instead of importing ajv and ajv-formats: the string length ajv counts, and every format
 * ajv-formats 3.0.1 (MIT) checks with a function, each ported with the same shape (`{ validate }`) and verdicts.
 * test/validators.test.ts compares every one with ajv-formats'; the generator fails on a format ajv would
 * call that is missing here.
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

/** RFC 3339 full-time (`strictTimeZone`: the zone required, as `time` wants; `iso-time` allows none); a leap second only at 23:59:60 UTC. */
const timeOf = (strictTimeZone: boolean) => (text: string) => {
  const matches = TIME.exec(text);
  if (!matches) return false;
  const hour = +(matches[1] as string);
  const minute = +(matches[2] as string);
  const second = +(matches[3] as string);
  const zoneSign = matches[5] === '-' ? -1 : 1;
  const zoneHour = +(matches[6] || 0);
  const zoneMinute = +(matches[7] || 0);
  if (zoneHour > 23 || zoneMinute > 59 || (strictTimeZone && !matches[4])) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  const utcMinute = minute - zoneMinute * zoneSign;
  const utcHour = hour - zoneHour * zoneSign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
};

const dateTimeOf = (strictTimeZone: boolean) => {
  const time = timeOf(strictTimeZone);
  return (text: string) => {
    const parts = text.split(DATE_TIME_SEPARATOR);
    return parts.length === 2 && date(parts[0] as string) && time(parts[1] as string);
  };
};

const NOT_URI_FRAGMENT = /\/|:/;
const URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

/** RFC 3986 absolute URI. */
const uri = (text: string) => NOT_URI_FRAGMENT.test(text) && URI.test(text);

/** Base64 (OpenAPI's `byte`). */
const byte = (text: string) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/m.test(text);

/** A regular expression JavaScript compiles, without Python's `\\Z` anchor. */
function regex(text: string): boolean {
  if (/[^\\]\\Z/.test(text)) return false;
  try {
    new RegExp(text);
    return true;
  } catch {
    return false;
  }
}

/** A format as ajv-formats defines it, so ajv's code calls it alike: a function, or an object with `validate`. */
export type FormatCheck = ((value: never) => boolean) | { readonly validate: (value: never) => boolean };

/**
 * Every format ajv-formats checks with a function (the ones it writes as a regular expression, `uuid` or
 * `email`, ajv inlines into the code), by name: the OpenAPI 3.0 formats (`int32`, `int64`, `float`, `double`,
 * `byte`, `date`, `date-time`; `binary` and `password` assert nothing, so ajv emits no call) and JSON Schema's.
 * `float` and `double` accept any number, as the OpenAPI specification gives them no range of their own.
 * A format nobody defines is an annotation: ajv (non-strict) ignores it.
 */
export const formats: Readonly<Record<string, FormatCheck>> = {
  date: { validate: date },
  time: { validate: timeOf(true) },
  'date-time': { validate: dateTimeOf(true) },
  'iso-time': { validate: timeOf(false) },
  'iso-date-time': { validate: dateTimeOf(false) },
  uri,
  regex,
  byte,
  int32: { validate: (value: number) => Number.isInteger(value) && value <= 2 ** 31 - 1 && value >= -(2 ** 31) },
  // JSON numbers are doubles: any integer is an int64.
  int64: { validate: (value: number) => Number.isInteger(value) },
  float: { validate: () => true },
  double: { validate: () => true },
};
