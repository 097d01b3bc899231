/**
 * Jobs that run on exactly one instance of a cluster: database leases with heartbeats, a sweeper that takes over
 * expired leases, and the pause of jobs while storage cannot write.
 */
package vn.temso.platform.jobs;
