/**
 * The national-portal record of a lot ({@link vn.temso.portal.entity.PortalRecord}, what Decree 37/2026/NĐ-CP Art. 23
 * asks a traceability record to hold), the per-lot change marker ({@link vn.temso.portal.entity.PortalLot}) and the
 * outbox rows that carry each version to the portal ({@link vn.temso.portal.entity.PortalOutboxEntry}).
 */
package vn.temso.portal.entity;
