/**
 * Topics from a WordPress export's categories (issue 13): the names, descriptions and
 * parents of the categories imported posts are filed under, in the shape of the site's
 * `topics` collection (label ≤ 40 characters, description 70..160). Pure and deterministic.
 *
 * Tags are not topics: the caller passes `[...categories, ...tags]` only when the person
 * importing asked for tags as topics.
 */
import { finding, type Finding } from '../findings.ts';
import type { WxrTerm } from '../wxr.ts';
import { termSlug } from './slugs.ts';
import { cutAtWord, plainText } from './text.ts';

/** One topic to write, as the topics collection holds it. */
export interface TopicPlan {
  /** The topic's id and URL slug. */
  id: string;
  label: string;
  description: string;
  /** The parent topic's id, when the category had a parent that is a topic too. */
  parent?: string;
}

/** What `planTopics` decided. */
export interface TopicsPlan {
  /** The topics to write, sorted by id; topics the project already has are not among them. */
  topics: TopicPlan[];
  /** Category slug, as the export spells it, to the id of its topic (planned or existing). */
  topicOf: Map<string, string>;
  /** What a person should know, by topic id. */
  findings: Map<string, Finding[]>;
}

/** The schema's limits for a topic (src/content.config.ts). */
export const TOPIC_LIMITS = { label: 40, descriptionMin: 70, descriptionMax: 160 } as const;

/** WordPress's default category: it says nothing about a post, so it is no topic. */
const isUncategorized = (term: WxrTerm) =>
  termSlug(term.slug) === 'uncategorized' || plainText(term.name).toLowerCase() === 'uncategorized';

/**
 * A description that says only what is known: where these articles were filed. No claim
 * about their content or their review is invented. 83 characters plus a label of at most
 * 40: always inside 70..160.
 */
export const generatedTopicDescription = (label: string) =>
  `Articles filed under “${label}” on our previous website, now collected on this topic page.`;

/**
 * Plans the topics for the categories in `usedSlugs` (those an imported post is filed
 * under) and their ancestors. A category whose id is already a topic in `existing` maps
 * onto it. `usedSlugs` may spell a slug encoded or decoded: both match.
 */
export function planTopics(
  terms: readonly WxrTerm[],
  existing: ReadonlyMap<string, { label: string }>,
  usedSlugs: ReadonlySet<string>,
): TopicsPlan {
  const bySlug = new Map<string, WxrTerm>();
  for (const term of terms) if (!bySlug.has(term.slug)) bySlug.set(term.slug, term);
  const used = new Set([...usedSlugs].map(termSlug));

  // The used categories and every ancestor of one; the cycle guard is for broken exports.
  const wanted = new Set<string>();
  for (const term of bySlug.values()) {
    if (!used.has(termSlug(term.slug)) && !usedSlugs.has(term.slug)) continue;
    for (let at: WxrTerm | undefined = term; at && !wanted.has(at.slug); at = bySlug.get(at.parent)) {
      if (isUncategorized(at)) break;
      wanted.add(at.slug);
    }
  }

  // Ids first, in a fixed order, so two categories that slugify alike get -2, -3 the same way each run.
  const ordered = [...wanted].sort();
  const topicOf = new Map<string, string>();
  const findings = new Map<string, Finding[]>();
  const note = (id: string, item: Finding) => findings.set(id, [...(findings.get(id) ?? []), item]);
  const ids = new Set<string>();
  for (const [index, slug] of ordered.entries()) {
    const term = bySlug.get(slug);
    const base = termSlug(slug) || termSlug(plainText(term?.name ?? '')) || `topic-${index + 1}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    topicOf.set(slug, id);
    if (id !== base) note(id, finding('slug-changed', false, id));
  }

  const topics: TopicPlan[] = [];
  for (const slug of ordered) {
    const term = bySlug.get(slug);
    const id = topicOf.get(slug);
    if (!term || !id) continue;
    if (existing.has(id)) {
      note(id, finding('topic-exists', false));
      continue;
    }
    const topic: TopicPlan = { id, ...labelOf(term, id, note), description: '' };
    topic.description = descriptionOf(term, topic.label, id, note);
    const parent = topicOf.get(term.parent);
    if (parent && parent !== id) topic.parent = parent;
    topics.push(topic);
  }
  topics.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { topics, topicOf, findings };
}

type Note = (id: string, item: Finding) => void;

function labelOf(term: WxrTerm, id: string, note: Note): { label: string } {
  const name = plainText(term.name);
  if (!name) {
    note(id, finding('label-missing', true));
    return { label: id.replace(/-/g, ' ').slice(0, TOPIC_LIMITS.label).trim() };
  }
  if (name.length <= TOPIC_LIMITS.label) return { label: name };
  note(id, finding('label-shortened', true));
  return { label: cutAtWord(name, TOPIC_LIMITS.label, false) };
}

function descriptionOf(term: WxrTerm, label: string, id: string, note: Note): string {
  const text = plainText(term.description);
  if (text.length >= TOPIC_LIMITS.descriptionMin && text.length <= TOPIC_LIMITS.descriptionMax) return text;
  if (text.length > TOPIC_LIMITS.descriptionMax) {
    const cut = cutAtWord(text, TOPIC_LIMITS.descriptionMax, true);
    // A cut inside one enormous word could leave too little: then it is no description.
    if (cut.length >= TOPIC_LIMITS.descriptionMin) {
      note(id, finding('description-shortened', true));
      return cut;
    }
  }
  note(id, finding('description-generated', true, text ? 'too-short' : 'missing'));
  return generatedTopicDescription(label);
}
