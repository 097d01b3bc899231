package vn.temso.platform.security;

/** What a signed-in person may do; see docs/architecture.md#tenancy for the matrix. */
public enum Role {
    /** Platform or province staff: every cooperative. */
    ADMIN,
    /** Commune officer: reads the cooperatives of their communes and prints their labels. */
    COMMUNE_STAFF,
    /** Runs one cooperative: reads and changes its data, manages its members. */
    COOP_MANAGER,
    /** Member of one cooperative: reads its data and keeps the farm diary. */
    COOP_MEMBER,
    /**
     * Member of a community digital team (tổ công nghệ số cộng đồng) of one or more communes: reads what commune
     * staff read there and enters zones, diary entries and imports on behalf of the cooperatives of those communes
     * ({@link Caller#canEnterFor}); nothing else, and nothing outside those communes.
     */
    DIGITAL_TEAM
}
