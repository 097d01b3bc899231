/**
 * Serving health and the drain on SIGTERM: readiness goes DOWN before the instance stops, so a load balancer takes
 * it out first.
 */
package vn.temso.platform.lifecycle;
