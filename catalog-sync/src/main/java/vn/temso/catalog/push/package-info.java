/**
 * The library side of push sync: content hashes for delta sync, signed idempotent requests, outcome
 * classification and retry timing. The WAR owns the outbox table and the scheduler that calls
 * {@link vn.temso.catalog.push.PushClient#send(vn.temso.catalog.push.PushRequest)}.
 */
package vn.temso.catalog.push;
