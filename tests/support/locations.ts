/** The shipped location files (src/content/locations), read as data for tests over dist/. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Accreditation } from '../../src/site.config.ts';
import { projectRoot } from './fixture-site.ts';

export interface LocationFile {
  slug: string;
  name: string;
  description: string;
  streetAddress: string;
  addressLocality: string;
  addressRegion: string;
  postalCode: string;
  geo: { latitude: number; longitude: number };
  phone: { display: string; e164: string };
  hours: Record<string, { opens: string; closes: string } | undefined>;
  hoursNote?: string;
  programs: string[];
  telehealth: boolean;
  parking?: string;
  transit?: string;
  licenses?: Accreditation[];
}

const dir = join(projectRoot, 'src/content/locations');

export const locationFiles: LocationFile[] = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    slug: file.replace(/\.json$/, ''),
    ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<LocationFile, 'slug'>),
  }));
