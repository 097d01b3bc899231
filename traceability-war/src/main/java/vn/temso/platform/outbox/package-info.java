/**
 * The outbox machinery every HTTP push of Temso shares (catalog push, national-portal records): the row columns
 * ({@link vn.temso.platform.outbox.OutboxRow}), claims and outcomes as conditional updates that any number of
 * clustered instances can run on the same table ({@link vn.temso.platform.outbox.Outbox}), the send loop
 * ({@link vn.temso.platform.outbox.OutboxSender}) and the configured target ({@link vn.temso.platform.outbox.PushTarget}).
 * Sending, signing and retry timing are catalog-sync's {@code PushClient} and {@code RetryPolicy}.
 */
package vn.temso.platform.outbox;
