/**
 * Topic and people entries the importer writes, one YAML file each, in the shapes
 * src/content.config.ts defines. A comment on top says where the entry came from.
 */
import { stringify } from 'yaml';

const HEADER = '# Imported from WordPress by `npm run import:wordpress`.\n';

export interface TopicEntry {
  id: string;
  label: string;
  description: string;
  parent?: string;
}
export interface PersonEntry {
  id: string;
  name: string;
  bio: string;
}

const yaml = (data: Record<string, unknown>) => HEADER + stringify(data, { lineWidth: 0, singleQuote: true });

export const topicPath = (id: string) => `src/content/topics/${id}.yaml`;
export const personPath = (id: string) => `src/content/people/${id}.yaml`;

export function topicYaml({ label, description, parent }: TopicEntry): string {
  return yaml(parent ? { label, description, parent } : { label, description });
}

/** An author: a person, never a clinical reviewer; no email or login is ever written. */
export function personYaml({ name, bio }: PersonEntry): string {
  return yaml({ name, kind: 'person', credentials: [], bio, reviewsClinicalContent: false });
}
