/**
 * A made-up clinician for tests (the shipped content names no person): a person, MD,
 * allowed to review, with a licence and a portrait, and one article they reviewed.
 */
const clinician = `name: Test Clinician
kind: person
credentials: [MD]
jobTitle: Test psychiatrist
bio: A made-up clinician who exists only in this test, to review its fixture article.
reviewsClinicalContent: true
license:
  name: Physician and Surgeon
  number: TEST-0001
  state: CA
photo:
  image: ./test-clinician.svg
  alt: Placeholder portrait of the test clinician
`;
const portrait =
  '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="320" viewBox="0 0 320 320"><rect width="320" height="320" fill="#ccc"/></svg>\n';
const article = `---
title: Profile fixture article
description: A fixture article reviewed by the test clinician, so that their profile has an article to list.
publishedAt: 2026-11-20
reviewedAt: 2026-11-18
author: editorial-team
reviewer: test-clinician
topics: [mental-health]
---

Some text for the body of the article.
`;

export const teamFixtureFiles: Record<string, string> = {
  'src/content/people/test-clinician.yaml': clinician,
  'src/content/people/test-clinician.svg': portrait,
  'src/content/articles/profile-fixture.mdx': article,
};
