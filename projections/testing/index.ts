/**
 * Spec builders for the read-model views (platform registry, platform-year metrics) that
 * projection, policy-pack and API specs share: one set, so a view's shape changes in one place.
 */
export * from './platform-views';
export * from './year-metrics';
