/** The diagram layer's public face: kernel state to words and to positioned shapes. */
export * from './describe';
export * from './layout';
export * from './narrate';
export * from './plan';
export * from './sequence';
export * from './shapes';
export * from './sockaddr';
export * from './stepText';
