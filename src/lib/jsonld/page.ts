import type {
  BreadcrumbList,
  Graph,
  ImageObject,
  MedicalWebPageLeaf,
  Thing,
  WebPage,
  WebPageLeaf,
} from 'schema-dts';
import { isoDay } from '../dates.ts';
import { pageIds, ref, siteIds } from './ids.ts';
import { organizationNodes, websiteNode } from './organization.ts';
import type { CrumbInput, ImageInput, SiteGraphInput, SiteInput } from './types.ts';

export type PageType =
  'WebPage' | 'CollectionPage' | 'ContactPage' | 'AboutPage' | 'ProfilePage' | 'MedicalWebPage';
export type PageNodeProperties = Omit<WebPageLeaf, '@type'>;
export type MedicalPageProperties = Omit<MedicalWebPageLeaf, '@type' | '@id'>;

/** What a page adds to the site-wide nodes: its type and dates, and for articles and programs more nodes. */
export interface PageJsonLd {
  /** schema.org type of `#webpage`; WebPage when not given. */
  type?: PageType;
  datePublished?: Date | undefined;
  dateModified?: Date | undefined;
  /** More properties of `#webpage`, e.g. `reviewedBy` and `lastReviewed` on a MedicalWebPage. */
  webPage?: MedicalPageProperties;
  /** Further nodes of the page: the article, the therapy, the people. */
  nodes?: Thing[];
}

export interface PageInput {
  /** Canonical absolute URL. */
  url: string;
  /** The page's own title (without the site suffix). */
  title: string;
  description: string;
  /** The visible breadcrumb trail, from the home page to this page. */
  breadcrumbs?: CrumbInput[] | undefined;
  /** The page's image (og:image). */
  image?: ImageInput | undefined;
}

export function imageNode(id: string, image: ImageInput): ImageObject {
  return {
    '@type': 'ImageObject',
    '@id': id,
    url: image.url,
    contentUrl: image.url,
    width: { '@type': 'QuantitativeValue', value: image.width, unitCode: 'E37' },
    height: { '@type': 'QuantitativeValue', value: image.height, unitCode: 'E37' },
    ...(image.alt && { caption: image.alt }),
  };
}

/** The `BreadcrumbList` for a visible trail, or nothing for the home page (a trail of one). */
export function breadcrumbNode(pageUrl: string, trail: CrumbInput[]): BreadcrumbList | undefined {
  if (trail.length < 2) return undefined;
  return {
    '@type': 'BreadcrumbList',
    '@id': pageIds(pageUrl).breadcrumb,
    itemListElement: trail.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

function pageNode(type: PageType, props: PageNodeProperties, medical: MedicalPageProperties): WebPage {
  switch (type) {
    case 'MedicalWebPage':
      return { '@type': 'MedicalWebPage', ...props, ...medical };
    case 'CollectionPage':
      return { '@type': 'CollectionPage', ...props, ...medical };
    case 'ContactPage':
      return { '@type': 'ContactPage', ...props, ...medical };
    case 'AboutPage':
      return { '@type': 'AboutPage', ...props, ...medical };
    case 'ProfilePage':
      return { '@type': 'ProfilePage', ...props, ...medical };
    case 'WebPage':
      return { '@type': 'WebPage', ...props, ...medical };
  }
}

/**
 * One page's whole graph: the organization and its clinics, the website, the page, its
 * image and breadcrumb, then whatever the page adds. Nodes with the same `@id` (an author
 * who is also the reviewer) appear once.
 */
export function pageGraph(
  site: SiteInput,
  page: PageInput,
  jsonld: PageJsonLd = {},
  context: SiteGraphInput = {},
): Graph {
  const { logo } = context;
  const site_ = siteIds(site.url);
  const ids = pageIds(page.url);
  const trail = page.breadcrumbs ?? [];
  const breadcrumb = breadcrumbNode(page.url, trail);
  const isHome = page.url === `${site.url}/`;
  const props: PageNodeProperties = {
    '@id': ids.webpage,
    url: page.url,
    name: page.title,
    description: page.description,
    inLanguage: site.lang,
    isPartOf: ref(site_.website),
    publisher: ref(site_.organization),
    ...(isHome && { about: ref(site_.organization) }),
    ...(breadcrumb && { breadcrumb: ref(ids.breadcrumb) }),
    ...(page.image && { primaryImageOfPage: ref(ids.primaryImage), image: ref(ids.primaryImage) }),
    ...(jsonld.datePublished && { datePublished: isoDay(jsonld.datePublished) }),
    ...(jsonld.dateModified && { dateModified: isoDay(jsonld.dateModified) }),
  };
  const nodes: Thing[] = [
    ...organizationNodes(site, context),
    websiteNode(site),
    ...(logo ? [imageNode(site_.logo, { ...logo, alt: logo.alt ?? site.name })] : []),
    pageNode(jsonld.type ?? 'WebPage', props, jsonld.webPage ?? {}),
    ...(page.image ? [imageNode(ids.primaryImage, page.image)] : []),
    ...(breadcrumb ? [breadcrumb] : []),
    ...(jsonld.nodes ?? []),
  ];
  const seen = new Set<string>();
  const unique = nodes.filter((node) => {
    const id = typeof node === 'object' ? node['@id'] : undefined;
    if (!id) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { '@context': 'https://schema.org', '@graph': unique };
}

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so no text can close the script. */
export function serializeJsonLd(graph: Graph): string {
  return JSON.stringify(graph).replace(/</g, '\\u003c');
}
