import { APIPromise, type WithResponse } from './api-promise.js';
import { WhatsAppError } from './errors.js';
/**
 * Graph list edges answer `{ data: [...], paging: { cursors: { before, after }, next?, previous? } }`.
 * Graph includes `paging.next` only when another page exists; the SDK then asks for the next page
 * with `after=<cursors.after>` on the same request (it never follows the `next` URL itself, which
 * may point at another host and carries the access token in its query string).
 */
export interface GraphPaging {
  cursors?: { before?: string; after?: string };
  next?: string;
  previous?: string;
}

export interface GraphListResponse<T> {
  data: T[];
  paging?: GraphPaging;
}

export type FetchPage<T> = (after: string) => Promise<GraphListResponse<T>>;

/** One page of a Graph list. `for await (const item of page)` walks this page and every later one. */
export class GraphCursorPage<T> implements AsyncIterable<T> {
  data: T[];
  paging?: GraphPaging;
  readonly #fetchPage: FetchPage<T>;

  constructor(body: GraphListResponse<T>, fetchPage: FetchPage<T>) {
    this.data = Array.isArray(body?.data) ? body.data : [];
    if (body?.paging !== undefined) this.paging = body.paging;
    for (const [key, value] of Object.entries(body ?? {})) {
      // Own data properties only: a body key named `__proto__` or `constructor` must not reach the prototype.
      if (key !== 'data' && key !== 'paging' && key !== '__proto__') Object.defineProperty(this, key, { value, enumerable: true, writable: true, configurable: true });
    }
    this.#fetchPage = fetchPage;
  }

  hasNextPage(): boolean {
    return Boolean(this.paging?.next) && Boolean(this.paging?.cursors?.after) && this.data.length > 0;
  }

  async getNextPage(): Promise<GraphCursorPage<T>> {
    const after = this.paging?.cursors?.after;
    if (!this.hasNextPage() || !after) throw new WhatsAppError('No next page: check hasNextPage() before calling getNextPage().');
    return new GraphCursorPage(await this.#fetchPage(after), this.#fetchPage);
  }

  /** This page, then each following page. */
  iterPages(): AsyncGenerator<GraphCursorPage<T>> {
    return walkPages(this);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.iterPages()) yield* page.data;
  }

  toJSON(): GraphListResponse<T> {
    return this.paging === undefined ? { data: this.data } : { data: this.data, paging: this.paging };
  }
}

async function* walkPages<T>(first: GraphCursorPage<T>): AsyncGenerator<GraphCursorPage<T>> {
  const seen = new Set<string>();
  for (let page = first; ; page = await page.getNextPage()) {
    yield page;
    const after = page.paging?.cursors?.after;
    // Stop on the last page, and never loop on a cursor the server already gave.
    if (!page.hasNextPage() || !after || seen.has(after)) return;
    seen.add(after);
  }
}

/**
 * What list methods return: await it for the first page, or iterate it with `for await` to get every
 * item of every page.
 */
export class PagePromise<T> implements PromiseLike<GraphCursorPage<T>>, AsyncIterable<T> {
  readonly #page: Promise<GraphCursorPage<T>>;
  readonly [Symbol.toStringTag] = 'PagePromise';

  constructor(page: Promise<GraphCursorPage<T>>) {
    this.#page = page;
  }

  then<A = GraphCursorPage<T>, B = never>(
    onfulfilled?: ((value: GraphCursorPage<T>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#page.then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<GraphCursorPage<T> | B> {
    return this.#page.catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<GraphCursorPage<T>> {
    return this.#page.finally(onfinally);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    yield* await this.#page;
  }

  /** The first page with the HTTP answer it came from (status, headers, `x-fb-trace-id`), as `{ data, response }`. */
  withResponse(): Promise<WithResponse<GraphCursorPage<T>>> {
    if (this.#page instanceof APIPromise) return (this.#page as APIPromise<GraphCursorPage<T>>).withResponse();
    return Promise.reject(new WhatsAppError('This page was not fetched by a client call, so there is no HTTP answer to give.'));
  }

  /** Every page, starting with the first. */
  async *iterPages(): AsyncGenerator<GraphCursorPage<T>> {
    yield* (await this.#page).iterPages();
  }
}
