import { armRequest, type Service } from './client';

interface ArmList<T> {
  value: T[];
  nextLink?: string | null;
  '@odata.nextLink'?: string;
}

export interface ListOptions {
  apiVersion?: string;
  query?: Record<string, string | undefined>;
  signal?: AbortSignal;
  service?: Service;
  /** Stop after this many items (the rest are not fetched). */
  limit?: number;
}

/** Follows `nextLink` (ARM) or `@odata.nextLink` (Graph) to the end. A page that fails fails the whole list. */
export async function listAll<T>(path: string, options: ListOptions = {}): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = path;
  let first = true;
  while (next) {
    const page: { body: ArmList<T> } = await armRequest<ArmList<T>>({
      method: 'GET',
      path: next,
      apiVersion: first ? options.apiVersion : undefined,
      query: first ? options.query : undefined,
      signal: options.signal,
      service: options.service,
    });
    first = false;
    items.push(...(page.body?.value ?? []));
    if (options.limit !== undefined && items.length >= options.limit) return items.slice(0, options.limit);
    next = page.body?.nextLink ?? page.body?.['@odata.nextLink'] ?? undefined;
  }
  return items;
}
