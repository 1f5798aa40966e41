/**
 * `APIPromise`: what every client method returns. Await it for the data, exactly as a plain Promise; call
 * `.withResponse()` for `{ data, response }`, the HTTP status, headers and `x-fb-trace-id` of the answer.
 */
import type { GraphResponse } from './observability.js';

/** The data of a call with the HTTP answer it came from. */
export interface WithResponse<T> {
  data: T;
  response: GraphResponse;
}

/**
 * A Promise of the call's data with one more method, `withResponse()`. A subclass of Promise (so `instanceof
 * Promise`, `await`, `.then`, `.catch` and `.finally` behave as before); `.then` returns a plain Promise.
 */
export class APIPromise<T> extends Promise<T> {
  /** Either the whole `{ data, response }` (public constructor) or the data with a way to build the response. */
  #result: Promise<WithResponse<T>> | undefined;
  #data: Promise<T> | undefined;
  #response: (() => GraphResponse) | undefined;

  constructor(result: Promise<WithResponse<T>>) {
    // The base promise is never used: every reader goes through `then`, which reads `#result` or `#data`.
    super(resolveUndefined);
    this.#result = result;
  }

  /**
   * @internal What the client builds: the call's data and a function giving its last answer, called only by
   * `.withResponse()` (most calls are only awaited: no `{ data, response }` object, no extra promise).
   */
  static fromData<T>(data: Promise<T>, response: () => GraphResponse): APIPromise<T> {
    const promise = new APIPromise<T>(undefined as unknown as Promise<WithResponse<T>>);
    promise.#data = data;
    promise.#response = response;
    return promise;
  }

  /** `.then` and friends give plain Promises, not APIPromises. */
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** `{ data, response }`: the same data as awaiting the call, with the status, headers and trace id of its answer. */
  withResponse(): Promise<WithResponse<T>> {
    if (this.#result) return this.#result;
    const response = this.#response!;
    return this.#data!.then((data) => ({ data, response: response() }));
  }

  #dataPromise(): Promise<T> {
    return (this.#data ??= this.#result!.then((r) => r.data));
  }

  // `reason: any`, as in Promise's own signatures, so handlers typed `(e: Error) => ...` keep compiling.
  override then<A = T, B = never>(onfulfilled?: ((value: T) => A | PromiseLike<A>) | null, onrejected?: ((reason: any) => B | PromiseLike<B>) | null): Promise<A | B> {
    return this.#dataPromise().then(onfulfilled, onrejected);
  }

  override catch<B = never>(onrejected?: ((reason: any) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.#dataPromise().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#dataPromise().finally(onfinally);
  }
}

function resolveUndefined(resolve: (value: never) => void): void {
  resolve(undefined as never);
}
