package vn.temso.platform.security;

import java.util.Map;

/**
 * Writes the JPQL condition that limits a list to what the caller may read, so lists are filtered in the
 * database rather than after loading.
 */
public final class TenantScope {

    private TenantScope() {}

    /**
     * @param coopPath JPQL path of the owning cooperative, e.g. {@code z.cooperative}
     * @return a condition (never empty) and its parameters added to {@code params}
     */
    public static String condition(Caller caller, String coopPath, Map<String, Object> params) {
        return switch (caller.role()) {
            case ADMIN -> "1 = 1";
            case COOP_MANAGER, COOP_MEMBER -> {
                params.put("scopeCoop", caller.cooperativeId());
                yield coopPath + ".id = :scopeCoop";
            }
            case COMMUNE_STAFF, DIGITAL_TEAM -> {
                if (caller.communeKeys().isEmpty()) {
                    yield "1 = 0";
                }
                params.put("scopeCommunes", caller.communeKeys());
                yield coopPath + ".communeKey IN :scopeCommunes";
            }
        };
    }
}
