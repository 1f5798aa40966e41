/** Types of bench/bundle-size.mjs, for test/package.test.ts. */
export interface BundleSize {
  user: 'client-only' | 'endpoint-only';
  platform: 'node' | 'neutral';
  /** Bytes loaded at startup (entry plus its static imports), minified. */
  minified: number;
  gzip: number;
  /** Bytes only loaded through dynamic imports (the validator behind `validate: true`). */
  lazy: number;
}
export declare const BUNDLE_TARGETS: Record<BundleSize['user'], number>;
export declare const BUNDLE_CEILINGS: Record<BundleSize['user'], Record<BundleSize['platform'], number>>;
export declare function measureBundles(): Promise<BundleSize[]>;
