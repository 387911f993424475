import { describe, expect, it } from 'vitest';
import { formatDaysPerWeek, formatRange, levelOfCareName } from '../../../src/lib/program-facts.ts';

describe('program facts', () => {
  it.each([
    [{ min: 9, max: 20 }, '9 to 20 hours'],
    [{ min: 1, max: 1 }, '1 hour'],
    [{ min: 2, max: 2 }, '2 hours'],
    [{ min: 1.5, max: 3 }, '1.5 to 3 hours'],
  ])('formatRange(%j)', (range, text) => expect(formatRange(range, 'hour')).toBe(text));

  it.each([
    [{ min: 3, max: 5 }, '3 to 5 days a week'],
    [{ min: 1, max: 1 }, '1 day a week'],
    [{ min: 0.5, max: 1 }, 'Every week or every other week'],
  ])('formatDaysPerWeek(%j)', (range, text) => expect(formatDaysPerWeek(range)).toBe(text));

  it('names levels of care in plain words', () => {
    expect(levelOfCareName('intensive-outpatient')).toBe('Intensive outpatient');
  });
});
