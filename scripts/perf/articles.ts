/**
 * Realistic articles for the build benchmark: about 1,200 words of MDX each, with
 * headings, lists, links to programs, topics and other articles, the real people entries
 * as author and reviewer, and in one article out of five the program comparison table.
 * Seeded, so every run builds the same content.
 */

const TOPICS = ['treatment-options', 'addiction-recovery', 'mental-health'] as const;
const PROGRAMS = ['intensive-outpatient', 'outpatient'] as const;
const SUBJECTS = [
  'Alcohol Use',
  'Opioid Recovery',
  'Anxiety',
  'Depression',
  'Stimulant Use',
  'Cannabis Use',
  'Trauma',
  'Sleep in Early Recovery',
  'Family Support',
  'Relapse Prevention',
  'Grief and Loss',
  'Work and Treatment',
] as const;
const ANGLES = [
  'What to Expect',
  'Questions to Ask',
  'First Steps',
  'A Plain Guide',
  'Myths and Facts',
  'Choosing Care',
  'Coping Day to Day',
  'Talking to Family',
] as const;
const SENTENCES = [
  'Many people wait a long time before they ask for help, and that is understandable.',
  'A clinician will start with an assessment of your needs, your health and your daily life.',
  'Treatment works best when it fits the person, not when the person has to fit the treatment.',
  'Group therapy lets you practise new skills with people who understand what you are going through.',
  'Individual sessions give you time to talk about what is hardest to say in a group.',
  'Cravings tend to rise and fall like a wave, and most pass within half an hour if you do not act on them.',
  'Cognitive behavioral therapy helps you notice the thoughts that lead to a drink or a use.',
  'Sleep, food and movement are not a cure, but they make every other part of recovery easier.',
  'Setbacks are common and they do not erase the progress you have already made.',
  'Family members often need support of their own, and many programs offer it.',
  'Medication can help with some conditions, and a doctor can explain the benefits and the risks.',
  'You can keep working or studying during outpatient care, which matters to many people.',
  'It helps to write down your questions before the first call, so nothing is forgotten.',
  'Insurance often covers part of treatment, and the admissions team can check what yours includes.',
  'Small, regular steps usually last longer than one big change made all at once.',
  'A relapse prevention plan lists your warning signs and what you will do when you notice them.',
  'Peer support groups meet in the evening and on weekends in most areas.',
  'Anxiety and substance use often feed each other, so care that treats both tends to work better.',
  'Your care team will review your plan with you and change it as your needs change.',
  'Honest conversations with a therapist are confidential, with a few exceptions they will explain.',
] as const;

/** mulberry32: a small, fast, seeded generator; the same seed gives the same site. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const kebab = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface GeneratedArticle {
  slug: string;
  /** File name under the articles folder. */
  file: string;
  source: string;
}

export function articleSlug(index: number): string {
  const subject = SUBJECTS[index % SUBJECTS.length]!;
  const angle = ANGLES[Math.floor(index / SUBJECTS.length) % ANGLES.length]!;
  return `${kebab(subject)}-${kebab(angle)}-${index}`;
}

/** Article `index` of `count`; its links point only at articles that exist in the same set. */
export function generateArticle(index: number, count: number, now = Date.now()): GeneratedArticle {
  const rand = random(index + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const subject = SUBJECTS[index % SUBJECTS.length]!;
  const angle = ANGLES[Math.floor(index / SUBJECTS.length) % ANGLES.length]!;
  const slug = articleSlug(index);
  const topics = [...new Set([pick(TOPICS), pick(TOPICS)])];
  const programs = rand() < 0.7 ? [...PROGRAMS] : [pick(PROGRAMS)];
  // Published over the last three years; reviewed within the last eleven months (the
  // build refuses reviews older than twelve).
  const published = now - Math.floor(rand() * 3 * 365) * DAY;
  const reviewed = Math.max(published, now - Math.floor(rand() * 330) * DAY);
  const comparison = index % 5 === 0;

  const paragraph = (words: number) => {
    const out: string[] = [];
    for (let n = 0; n < words;) {
      const sentence = pick(SENTENCES);
      out.push(sentence);
      n += sentence.split(' ').length;
    }
    return out.join(' ');
  };
  const other = (offset: number) => articleSlug((index + offset) % count);
  const sections = [
    `## Understanding ${subject.toLowerCase()}\n\n${paragraph(95)}\n\n${paragraph(75)}`,
    `## How treatment can help\n\n${paragraph(85)} Our [intensive outpatient program](/programs/intensive-outpatient/) and our [outpatient program](/programs/outpatient/) both start with an assessment.\n\n${paragraph(70)}`,
    `## ${angle}\n\n${paragraph(60)}\n\n- ${paragraph(14)}\n- ${paragraph(14)}\n- ${paragraph(14)}\n- ${paragraph(14)}\n\n${paragraph(70)}`,
    `## Questions people often ask\n\n### How long does it take?\n\n${paragraph(60)}\n\n### Can I keep working?\n\n${paragraph(60)}\n\n### What if I relapse?\n\n${paragraph(60)} See [how IOP and outpatient care compare](/articles/iop-vs-outpatient/).`,
    `## Supporting someone you love\n\n${paragraph(75)}\n\n1. ${paragraph(12)}\n2. ${paragraph(12)}\n3. ${paragraph(12)}\n\n${paragraph(50)}`,
    `## Where to go from here\n\n${paragraph(70)} Read more in [${topics[0]!.replaceAll('-', ' ')}](/topics/${topics[0]}/), or see [a related guide](/articles/${other(1)}/) and [another one](/articles/${other(7)}/).\n\nThis article was written by our editorial team and reviewed by our clinical review team.`,
  ];

  const title = `${subject}: ${angle}`.slice(0, 50) + ` (${index + 1})`;
  const description = `A plain-language guide to ${subject.toLowerCase()}: ${angle.toLowerCase()}, how treatment helps and where to start (guide ${index + 1}).`;
  const frontmatter = [
    '---',
    `title: '${title}'`,
    `description: '${description}'`,
    `publishedAt: ${isoDay(published)}`,
    `reviewedAt: ${isoDay(reviewed)}`,
    'author: editorial-team',
    'reviewer: clinical-review-team',
    `topics: [${topics.join(', ')}]`,
    `programs: [${programs.join(', ')}]`,
    '---',
  ].join('\n');
  const imports = comparison
    ? "import ProgramComparison from '../../../components/ProgramComparison.astro';\n\n"
    : '';
  const table = comparison
    ? `\n\n<ProgramComparison programs={['intensive-outpatient', 'outpatient']} />\n`
    : '';
  const intro = `${paragraph(50)}\n\n**If you are in crisis,** call or text 988, or call 911 if you are in danger now.`;
  const body = [intro, ...sections.slice(0, 2), table, ...sections.slice(2)].filter(Boolean).join('\n\n');
  return { slug, file: `${slug}.mdx`, source: `${frontmatter}\n${imports}${body}\n` };
}
