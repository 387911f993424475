// Stand-in for the `astro:content` virtual module in Vitest: the same factories Astro
// uses, so the schemas under test are exactly the ones the build runs.
export { defineCollection, createReference } from 'astro/content/runtime';
import { createReference } from 'astro/content/runtime';

export const reference = createReference();
