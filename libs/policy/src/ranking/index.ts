export * from './bands';
export * from './display';
export * from './ratio';
export * from './region-quota';
export * from './table-order';
export * from './tie-break';
