/**
 * The few host globals the pure layers may use. They exist in every browser and in Node, but
 * are not part of the ES library the engine compiles against (lib ES2023, no DOM, no Node).
 */
declare function structuredClone<T>(value: T): T;

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
