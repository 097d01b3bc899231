/**
 * Caffeine caches bounded by entries and by bytes, for every in-memory cache of the service.
 */
package vn.temso.platform.cache;
