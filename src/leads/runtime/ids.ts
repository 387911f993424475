/**
 * Lead ids: random UUIDv4. Random rather than time-ordered so an id says nothing about
 * when or in what order people asked for help; it appears in storage keys, logs,
 * `webhook-id` and email Message-IDs, all of which must carry no personal data.
 */
const LEAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function newLeadId(): string {
  return crypto.randomUUID();
}

export function isLeadId(value: string): boolean {
  return LEAD_ID.test(value);
}
