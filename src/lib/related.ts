export interface Relatable {
  id: string;
  publishedAt: Date;
}

/** Past this many newest articles per topic, older ones add little and cost time. */
const CANDIDATES_PER_TOPIC = 50;

/**
 * Related articles by shared topics, most shared first, then newest. An index of
 * topic -> articles makes each look-up touch only a bounded number of candidates, so
 * a build of thousands of articles stays linear instead of comparing every pair.
 */
export function createRelatedFinder<T extends Relatable>(items: T[], topicsOf: (item: T) => string[]) {
  const byTopic = new Map<string, T[]>();
  for (const item of items) {
    for (const topic of topicsOf(item)) {
      const list = byTopic.get(topic);
      if (list) list.push(item);
      else byTopic.set(topic, [item]);
    }
  }
  for (const list of byTopic.values()) list.sort((a, b) => +b.publishedAt - +a.publishedAt);

  return (target: T, limit = 3): T[] => {
    const shared = new Map<T, number>();
    for (const topic of topicsOf(target)) {
      for (const item of (byTopic.get(topic) ?? []).slice(0, CANDIDATES_PER_TOPIC)) {
        if (item.id !== target.id) shared.set(item, (shared.get(item) ?? 0) + 1);
      }
    }
    return [...shared.entries()]
      .sort(([a, sa], [b, sb]) => sb - sa || +b.publishedAt - +a.publishedAt)
      .slice(0, limit)
      .map(([item]) => item);
  };
}
