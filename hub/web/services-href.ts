/** The address of the services behind a figure: a period, a store (or the chain), its filter tags. */
export function servicesHref(query: {
  from: string;
  to: string;
  store: string | null;
  tags: readonly string[];
  page?: number;
}): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.store) params.set('store', query.store);
  for (const tag of query.tags) params.append('tag', tag);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  return `/services?${params.toString()}`;
}
