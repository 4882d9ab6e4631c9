import fc from 'fast-check';
import { beijingYearOf, parseInstant } from './dates';

const ms = (text: string): number => Date.parse(text);

/** RULES.md "Two clocks": period rules (D-PERIOD) use occurredAt in China Standard Time. */
describe('D-PERIOD: beijingYearOf', () => {
  it('D-PERIOD: 2025-12-31T15:59:59.999Z is 23:59 in Beijing, still 2025', () => {
    expect(beijingYearOf(ms('2025-12-31T15:59:59.999Z'))).toBe(2025);
  });

  it('D-PERIOD: 2025-12-31T16:00:00Z is midnight in Beijing, already 2026', () => {
    expect(beijingYearOf(ms('2025-12-31T16:00:00Z'))).toBe(2026);
  });

  it('D-PERIOD: 2025-01-01T00:00+08:00 (16:00 UTC the day before) is 2025', () => {
    expect(beijingYearOf(ms('2025-01-01T00:00+08:00'))).toBe(2025);
    expect(beijingYearOf(ms('2024-12-31T15:59:59Z'))).toBe(2024);
  });
});

describe('D-DATE: parseInstant', () => {
  it('D-DATE: a date alone is midnight in Beijing', () => {
    expect(parseInstant('2025-01-01')).toBe(ms('2024-12-31T16:00:00Z'));
  });

  it.each([
    '2025-05-20T10:00:00+08:00',
    '2025-05-20T02:00:00.123Z',
    '2025-05-20T02:00:00.12Z',
    '2025-05-20T10:00+08:00',
  ])('D-DATE: the timestamp %s is accepted', (text) => {
    expect(parseInstant(text)).toBe(ms(text));
  });

  it.each([
    '2025-5-20',
    '2025/05/20',
    '2025-05-20 10:00:00',
    '2025-05-20T10:00:00',
    '2025-13-01',
    '二〇二五年五月二十日',
    '',
  ])('D-DATE: %j is not an ISO 8601 date or timestamp', (text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it.each([
    '2025-02-29',
    '2025-02-30',
    '2025-04-31T10:00:00+08:00',
    '2025-05-20T24:00:00Z',
    '2025-02-29T00:00:00.000Z',
    '2025-13-01T00:00:00.000Z',
    '2025-05-20T23:60:00.000Z',
    '2025-05-20T23:00:60.000Z',
  ])('D-DATE: the impossible calendar value %s is refused, not rolled over', (text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it('D-DATE: 29 February exists in leap years', () => {
    expect(parseInstant('2024-02-29')).toBe(ms('2024-02-28T16:00:00Z'));
    expect(parseInstant('2000-02-29T12:00:00.000Z')).toBe(ms('2000-02-29T12:00:00.000Z'));
  });

  it.each(['2025-05-2O', '2025-05-20T02:00:00.123', '2025-05-20t02:00:00.123Z', '+02025-05-20'])(
    'D-DATE: %j, close to the canonical shapes, is not one',
    (text) => {
      expect(parseInstant(text)).toBeNull();
    },
  );

  it('D-DATE: years 0–99 stay years 0–99 in the canonical shapes too', () => {
    expect(parseInstant('0099-12-31T23:59:59.999Z')).toBe(ms('0099-12-31T23:59:59.999Z'));
    expect(parseInstant('0050-06-01')).toBe(ms('0050-05-31T16:00:00Z'));
  });
});

describe('D-DATE: parseInstant agrees with Date.parse wherever the calendar value exists', () => {
  it('D-DATE: random valid timestamps and dates', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2199-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('Z', '+08:00', '-05:30', '+00:00', '+14:00'),
        fc.constantFrom('full', 'minutes', 'millis', 'micros', 'date'),
        (date, zone, form) => {
          const iso = date.toISOString();
          const day = iso.slice(0, 10);
          const text =
            form === 'date'
              ? day
              : `${day}T${form === 'minutes' ? iso.slice(11, 16) : form === 'full' ? iso.slice(11, 19) : form === 'millis' ? iso.slice(11, 23) : `${iso.slice(11, 23)}456`}${zone}`;
          const expected = form === 'date' ? Date.parse(`${day}T00:00:00+08:00`) : Date.parse(text);
          return parseInstant(text) === expected;
        },
      ),
      { numRuns: 2_000, seed: 11 },
    );
  });
});

describe('D-DATE: the ledger’s own shapes, read by character codes, agree with Date.parse', () => {
  it('D-DATE: every toISOString instant and its date, years 0100–9999', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0100-01-01T00:00:00.000Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const iso = date.toISOString();
          const day = iso.slice(0, 10);
          expect(parseInstant(iso)).toBe(date.getTime());
          expect(parseInstant(day)).toBe(Date.parse(`${day}T00:00:00+08:00`));
        },
      ),
      { numRuns: 5_000, seed: 7 },
    );
  });
});
