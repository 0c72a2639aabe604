import { PaginationError } from './errors.js';

/**
 * Every item of every page, page after page, until a page carries no cursor (absent or empty). The generated
 * `iterate...` helpers call it with what the spec's `x-paging` declares: how to fetch a page from a cursor,
 * where a page holds its items and where it holds the next cursor. A cursor seen before is a PaginationError,
 * not an endless loop.
 */
export async function* iteratePages<Page, Item>(
  fetchPage: (cursor: string | undefined) => Promise<Page>,
  itemsOf: (page: Page) => readonly Item[] | null | undefined,
  nextOf: (page: Page) => string | null | undefined,
): AsyncGenerator<Item, void, undefined> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 1; ; page++) {
    const response = await fetchPage(cursor);
    yield* itemsOf(response) ?? [];
    cursor = nextOf(response) || undefined;
    if (cursor === undefined) return;
    if (seen.has(cursor)) throw new PaginationError(cursor, page);
    seen.add(cursor);
  }
}
