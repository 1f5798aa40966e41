/**
 * Where each member of each object and array sits in the JSON text, kept compact: typed arrays, no object per
 * container and no copy of the keys (they are read back from the text when a diagnostic needs them). A 10 MB
 * document of small objects took over 200 MB as one object and three arrays per container; this takes about
 * 20 bytes per member (issue 10, finding 2).
 *
 * Containers are numbered in the order they close; the root is the last. A container's members are contiguous:
 * member m has offsets `keyStart, keyEnd, valueStart, valueEnd` at `4m…4m+3` (for array items the key offsets equal
 * the value offsets) and `child[m]`, the container its value is (-1 for a scalar).
 */
export class SpanTable {
  constructor(
    private readonly text: string,
    /** Per container: index of its first member, number of members, 1 for an object (0 for an array). */
    private readonly first: Int32Array,
    private readonly count: Int32Array,
    private readonly isObject: Uint8Array,
    private readonly offsets: Int32Array,
    private readonly child: Int32Array,
    /** The root container (-1 when the root is a scalar). */
    readonly root: number,
  ) {}

  /** The member of `container` at path segment `seg` (the last of a repeated key), or -1. */
  member(container: number, seg: string | number): number {
    const first = this.first[container]!;
    const count = this.count[container]!;
    if (!this.isObject[container]) {
      const index = Number(seg);
      return Number.isInteger(index) && index >= 0 && index < count ? first + index : -1;
    }
    const key = String(seg);
    if (count > INDEXED_OBJECT) return this.indexOf(container).get(key) ?? -1;
    for (let m = first + count - 1; m >= first; m--) if (this.keyOf(m) === key) return m;
    return -1;
  }

  keyRange(m: number): { start: number; end: number } {
    return { start: this.offsets[4 * m]!, end: this.offsets[4 * m + 1]! };
  }

  valueRange(m: number): { start: number; end: number } {
    return { start: this.offsets[4 * m + 2]!, end: this.offsets[4 * m + 3]! };
  }

  /** The container the member's value is, or -1. */
  childOf(m: number): number {
    return this.child[m]!;
  }

  private keyOf(m: number): string {
    const start = this.offsets[4 * m]!;
    const end = this.offsets[4 * m + 1]!;
    const raw = this.text.slice(start + 1, end - 1);
    return raw.includes('\\') ? (JSON.parse(this.text.slice(start, end)) as string) : raw;
  }

  private readonly indexes = new Map<number, Map<string, number>>();

  /** Key → last member, built on first use for large objects so that many lookups stay linear. */
  private indexOf(container: number): Map<string, number> {
    let index = this.indexes.get(container);
    if (!index) {
      index = new Map();
      const first = this.first[container]!;
      for (let m = first; m < first + this.count[container]!; m++) index.set(this.keyOf(m), m);
      this.indexes.set(container, index);
    }
    return index;
  }
}

/** Objects with more keys than this are looked up through an index. */
const INDEXED_OBJECT = 32;

/** A growable Int32Array (push only), trimmed to its length at the end. */
export class IntBuffer {
  private data: Int32Array;
  length = 0;

  /** `capacity`: the first size (it doubles as needed); small for tables that are usually nearly empty. */
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }

  at(k: number): number {
    return this.data[k]!;
  }

  /** Drops everything from `length` on. */
  truncate(length: number): void {
    this.length = length;
  }

  /** Appends `source[from, from + n)`. */
  copyFrom(source: IntBuffer, from: number, n: number): void {
    while (this.length + n > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data.set(source.data.subarray(from, from + n), this.length);
    this.length += n;
  }

  trimmed(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
