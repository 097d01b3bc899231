package vn.temso.platform.security;

/** The owner of registry data as tenancy sees it: a cooperative's id and the key of its commune. */
public interface Tenant {

    String getId();

    String getCommuneKey();
}
