/** When a list of articles last changed: the newest publication or update among them. */
export function lastModified(items: { publishedAt: Date; updatedAt?: Date | undefined }[]): Date | undefined {
  let newest: Date | undefined;
  for (const item of items) {
    const date = item.updatedAt ?? item.publishedAt;
    if (!newest || date > newest) newest = date;
  }
  return newest;
}
