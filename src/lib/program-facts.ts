export interface Range {
  min: number;
  max: number;
}

function number(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, '');
}

/** "9 to 20 hours", "1 hour", "3 to 4 hours". */
export function formatRange({ min, max }: Range, unit: string, units = `${unit}s`): string {
  if (min === max) return `${number(min)} ${min === 1 ? unit : units}`;
  return `${number(min)} to ${number(max)} ${units}`;
}

/** Days a week, where half a day a week means a session every other week. */
export function formatDaysPerWeek({ min, max }: Range): string {
  if (max <= 1 && min < 1) return 'Every week or every other week';
  if (min === max) return `${number(min)} ${min === 1 ? 'day' : 'days'} a week`;
  return `${number(min)} to ${number(max)} days a week`;
}

const levelNames = {
  outpatient: 'Outpatient',
  'intensive-outpatient': 'Intensive outpatient',
  'partial-hospitalization': 'Partial hospitalization',
  residential: 'Residential',
} as const;

export type LevelOfCare = keyof typeof levelNames;

export function levelOfCareName(level: LevelOfCare): string {
  return levelNames[level];
}
