/** Types of check.mjs, for test/package.test.ts. */
export interface ConsumerCheck {
  resolution: 'nodenext' | 'bundler' | 'node10';
  node: string;
  ok: boolean;
  /** tsc's output when it failed, else ''. */
  output: string;
}
export declare const RESOLUTIONS: ConsumerCheck['resolution'][];
export declare const NODE_TYPES: Record<string, string>;
export declare function installConsumer(): Promise<string>;
export declare function checkWithNodeTypes(dir: string, nodeMajor: string): Promise<ConsumerCheck[]>;
export declare function checkConsumer(): Promise<ConsumerCheck[]>;
