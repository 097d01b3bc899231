package vn.temso.platform.security;

import java.util.Set;

/**
 * The authenticated person behind a request. Tenancy decisions are made from this in the service layer,
 * never from ids the client sends.
 */
public record Caller(String userId, String username, Role role, String cooperativeId, Set<String> communeKeys) {

    public Caller {
        communeKeys = Set.copyOf(communeKeys);
    }

    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (role == r) {
                return true;
            }
        }
        return false;
    }

    /** May this caller read data of the cooperative with this id and commune? */
    public boolean canRead(String coopId, String coopCommuneKey) {
        return switch (role) {
            case ADMIN -> true;
            case COMMUNE_STAFF -> coopCommuneKey != null && communeKeys.contains(coopCommuneKey);
            case COOP_MANAGER, COOP_MEMBER -> coopId != null && coopId.equals(cooperativeId);
        };
    }

    /** May this caller change the registry (zones, products, batches) of that cooperative? */
    public boolean canManage(String coopId) {
        return role == Role.ADMIN || (role == Role.COOP_MANAGER && coopId != null && coopId.equals(cooperativeId));
    }

    /**
     * May this caller hold the signed stamp URLs of that cooperative (print labels, export the stamp list, fetch QR
     * images, see URLs and signatures)? A signed URL is the label itself: whoever holds one can print genuine
     * copies. Administrators, the cooperative's managers and the commune staff of its commune; not its members.
     */
    public boolean canHoldSignedStamps(String coopId, String coopCommuneKey) {
        return canManage(coopId) || (role == Role.COMMUNE_STAFF && canRead(coopId, coopCommuneKey));
    }

    /** Farm-diary events may also be written by members of the cooperative. */
    public boolean canRecordDiary(String coopId) {
        return canManage(coopId) || (role == Role.COOP_MEMBER && coopId != null && coopId.equals(cooperativeId));
    }
}
