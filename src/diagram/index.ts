/** The diagram layer's public face: kernel state to words and (later) positioned shapes. */
export * from './describe';
export * from './stepText';
