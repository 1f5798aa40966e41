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
  readonly #result: Promise<WithResponse<T>>;
  #data: Promise<T> | undefined;

  constructor(result: Promise<WithResponse<T>>) {
    // The base promise is never used: every reader goes through `then`, which reads `#result`.
    super((resolve) => resolve(undefined as T));
    this.#result = result;
  }

  /** `.then` and friends give plain Promises, not APIPromises. */
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** `{ data, response }`: the same data as awaiting the call, with the status, headers and trace id of its answer. */
  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }

  #dataPromise(): Promise<T> {
    return (this.#data ??= this.#result.then((r) => r.data));
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
