/**
 * The YAML the importer writes: parsed back it is what was meant, and the project's own
 * Prettier accepts it, so `npm run lint` stays green after an import.
 */
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { articleFile } from '../../../../src/import/wordpress/entries/article-file.ts';
import { personYaml, topicYaml } from '../../../../src/import/wordpress/entries/entry-files.ts';

const tricky = [
  '6.1',
  '>themereviewteam',
  'Recovery: the first year',
  "It's “quoted”",
  'true',
  '- dash',
  '#hash',
];

const prettierAccepts = async (text: string, file: string) => {
  const options = { ...(await resolveConfig(file)), filepath: file };
  return (await format(text, options)) === text;
};

describe.each(tricky)('the value %j', (value) => {
  it('comes back from a topic file as written, in a form Prettier keeps', async () => {
    const text = topicYaml({ id: 'x', label: value, description: `About ${value}.`, parent: 'parent-topic' });
    expect(parse(text)).toEqual({ label: value, description: `About ${value}.`, parent: 'parent-topic' });
    expect(await prettierAccepts(text, 'src/content/topics/x.yaml')).toBe(true);
  });

  it('comes back from a person file as written, never as a reviewer', async () => {
    const text = personYaml({ id: 'x', name: value, bio: `${value} wrote here.` });
    expect(parse(text)).toEqual({
      name: value,
      kind: 'person',
      credentials: [],
      bio: `${value} wrote here.`,
      reviewsClinicalContent: false,
    });
    expect(await prettierAccepts(text, 'src/content/people/x.yaml')).toBe(true);
  });

  it('comes back from article frontmatter as written', () => {
    const { text, bodyLine } = articleFile(
      {
        title: value,
        description: value,
        publishedAt: '2020-01-02',
        author: 'a',
        topics: [value],
        draft: true,
      },
      'Body line one.\n',
    );
    const [, yaml] = /^---\n([\s\S]*?)---\n/.exec(text)!;
    expect(parse(yaml!)).toMatchObject({ title: value, description: value, topics: [value], draft: true });
    expect(text.split('\n')[bodyLine - 1]).toBe('Body line one.');
  });
});
