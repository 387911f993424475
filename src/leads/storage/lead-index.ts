/**
 * The due index: for every lead, a small entry in the leads store whose key says when the
 * sweep should next look at it, so a sweep finds what is due by listing the index up to
 * now instead of reading every lead (see ../delivery/sweep.ts). Two lanes, so that work for
 * admissions never waits behind housekeeping:
 *
 *   due/<13-digit ms>/<lead id>      a retry, an alert, a new lead: anything to send
 *   settled/<13-digit ms>/<lead id>  a lead every channel has settled: its purge, or the
 *                                    reminder that admissions never got it
 *
 * Bodies are empty; keys sort by time, then id.
 * The key holds a time and the random lead id: no personal data. Netlify Blobs lists keys
 * in lexicographic order, page by page, and so does the local server (it walks folders in
 * sorted order); a fixed-width time makes that order the order of times.
 *
 * An entry is a hint, never the truth: the sweep re-reads the lead's metadata, decides
 * from it, and moves or drops the entry. What must hold is only that every lead has an
 * entry no later than the moment it needs the sweep. The store writes one on every
 * metadata write (./store.ts), from the metadata alone and on the early side (`indexTime`);
 * the sweep parks an entry later once it knows the configured channels and the retention
 * period; and a slow repair walk (./delivery/repair.ts) re-indexes every lead in turn, for
 * the lead whose index write failed.
 */
import { alertFlag } from '../delivery/plan.ts';
import { isLeadId } from '../runtime/ids.ts';
import type { LeadMeta } from './metadata.ts';

export const LANES = ['due', 'settled'] as const;
export type Lane = (typeof LANES)[number];
export const lanePrefix = (lane: Lane): string => `${lane}/`;
const TIME_DIGITS = 13;
const INDEX_KEY = /^(due|settled)\/(\d{13})\/([0-9a-f-]{36})$/;

export interface IndexEntry {
  key: string;
  lane: Lane;
  /** Epoch milliseconds. */
  at: number;
  id: string;
}

export function indexKey(lane: Lane, at: number, id: string): string {
  const ms = Number.isFinite(at) ? Math.min(Math.max(0, Math.floor(at)), 10 ** TIME_DIGITS - 1) : 0;
  return `${lanePrefix(lane)}${String(ms).padStart(TIME_DIGITS, '0')}/${id}`;
}

/** Null for anything that is not one of our entries (the local server's temporary files, say). */
export function parseIndexKey(key: string): IndexEntry | null {
  const match = INDEX_KEY.exec(key);
  if (!match || !isLeadId(match[3]!)) return null;
  return { key, lane: match[1] as Lane, at: Number(match[2]), id: match[3]! };
}

const time = (iso: string | null | undefined, fallback: string): number => Date.parse(iso ?? fallback);

/**
 * When the sweep may next have something to do for this lead, from its metadata alone
 * (always an entry in the `due` lane; the sweep moves settled leads to the other)
 * (the store knows neither the configured channels nor the retention period). Never later
 * than the sweep's own answer (`nextSweepAt` in ../delivery/plan.ts) for any configured
 * channels the lead already has states for:
 * - a pending channel: its next attempt;
 * - a dead channel another channel may still have to tell about: when it died (now);
 * - everything settled: when the last channel settled, so the next sweep looks once,
 *   sends any alert still owed, and parks the entry at the purge time it knows.
 * A lease is ignored: it is short, and its holder writes the outcome (a new entry) when done.
 */
export function indexTime(meta: LeadMeta): number {
  const states = Object.entries(meta.channels);
  const soon: number[] = [];
  for (const [name, state] of states) {
    if (state.status === 'pending') soon.push(time(state.nextAttemptAt, meta.receivedAt));
    if (state.status !== 'dead') continue;
    const untold = states.some(
      ([via, other]) => via !== name && other.status !== 'dead' && !meta.flags.includes(alertFlag(name, via)),
    );
    if (untold) soon.push(time(state.lastAttemptAt, meta.receivedAt));
  }
  if (soon.length > 0) return Math.min(...soon);
  const settled = states.map(([, state]) => time(state.deliveredAt ?? state.lastAttemptAt, meta.receivedAt));
  return settled.length > 0 ? Math.max(...settled) : Date.parse(meta.receivedAt);
}
