/**
 * Reads that always come with an ETag, for conditional writes.
 *
 * Netlify's service returns an ETag on every read; the local Blobs server (tests and
 * `npm start`) returns one only from writes and listings. There we take the ETag from a
 * listing *before* reading again: if the entry changes in between, the ETag is older than
 * what we read and the conditional write fails, which is the safe way round.
 */
import type { Store } from '@netlify/blobs';

type Metadata = Record<string, unknown>;

async function listedEtag(store: Store, key: string): Promise<string | undefined> {
  const { blobs } = await store.list({ prefix: key });
  return blobs.find((entry) => entry.key === key)?.etag;
}

export async function getTextWithEtag(
  store: Store,
  key: string,
  knownEtag?: string,
): Promise<{ data: string; metadata: Metadata; etag: string } | null> {
  const first = await store.getWithMetadata(key, { type: 'text' });
  if (first === null) return null;
  if (first.etag) return { data: first.data, metadata: first.metadata, etag: first.etag };
  // An ETag from a listing taken before this read is safe to pair with it (see above).
  if (knownEtag !== undefined) return { data: first.data, metadata: first.metadata, etag: knownEtag };
  const etag = await listedEtag(store, key);
  if (etag === undefined) return null;
  const again = await store.getWithMetadata(key, { type: 'text' });
  return again === null ? null : { data: again.data, metadata: again.metadata, etag };
}

export async function getMetadataWithEtag(
  store: Store,
  key: string,
  knownEtag?: string,
): Promise<{ metadata: Metadata; etag: string } | null> {
  const first = await store.getMetadata(key);
  if (first === null) return null;
  if (first.etag) return { metadata: first.metadata, etag: first.etag };
  // A listing just read gives the ETag too, without a second request.
  const etag = knownEtag ?? (await listedEtag(store, key));
  if (etag === undefined) return null;
  if (knownEtag !== undefined) return { metadata: first.metadata, etag };
  const again = await store.getMetadata(key);
  return again === null ? null : { metadata: again.metadata, etag };
}
