import { describe, expect, it } from 'vitest';
import { clockTime, directionsUrl, oneLineAddress, sameHours, weekRows } from '../../../src/lib/locations.ts';

const address = {
  streetAddress: '1200 Main Street, Suite 4',
  addressLocality: 'Los Angeles',
  addressRegion: 'CA',
  postalCode: '90012',
};
const nine = { opens: '09:00', closes: '17:00' };
const late = { opens: '12:00', closes: '20:30' };

describe('clockTime', () => {
  it.each([
    ['00:00', '12 am'],
    ['08:00', '8 am'],
    ['08:05', '8:05 am'],
    ['12:00', '12 pm'],
    ['13:30', '1:30 pm'],
    ['23:59', '11:59 pm'],
  ])('%s -> %s', (time, expected) => expect(clockTime(time)).toBe(expected));
});

describe('weekRows', () => {
  it('lists seven days from Monday, closed days without hours', () => {
    const rows = weekRows({ monday: nine, sunday: late });
    expect(rows.map((r) => r.name)).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(rows[0]).toEqual({ day: 'monday', name: 'Monday', hours: nine });
    expect(rows[1]).toEqual({ day: 'tuesday', name: 'Tuesday' });
    expect(rows[6]?.hours).toEqual(late);
  });
});

describe('sameHours', () => {
  it.each([
    ['no open day', {}, []],
    ['one day', { friday: nine }, [{ days: ['friday'], hours: nine }]],
    [
      'days with the same hours together, even apart, in week order',
      { saturday: late, monday: nine, tuesday: late, wednesday: nine },
      [
        { days: ['monday', 'wednesday'], hours: nine },
        { days: ['tuesday', 'saturday'], hours: late },
      ],
    ],
  ])('%s', (_name, hours, expected) => expect(sameHours(hours)).toEqual(expected));
});

describe('addresses', () => {
  it('writes one line', () => {
    expect(oneLineAddress(address)).toBe('1200 Main Street, Suite 4, Los Angeles, CA 90012');
  });

  it('links directions to the address, encoded, with nothing else in the URL', () => {
    const url = new URL(directionsUrl({ ...address, streetAddress: '1 A & B Street #2' }));
    expect(url.origin + url.pathname).toBe('https://www.google.com/maps/dir/');
    expect([...url.searchParams.keys()]).toEqual(['api', 'destination']);
    expect(url.searchParams.get('destination')).toBe('1 A & B Street #2, Los Angeles, CA 90012');
  });
});
