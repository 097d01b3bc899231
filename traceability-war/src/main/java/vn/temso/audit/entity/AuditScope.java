package vn.temso.audit.entity;

/**
 * Whose trail an audit entry joins: the cooperative's id and commune key decide who may read the entry (its managers,
 * the staff of its commune). The cooperative entity implements it, so the audit package needs nothing from the
 * cooperative package, which itself records its changes here.
 */
public interface AuditScope {

    String getId();

    String getCommuneKey();
}
