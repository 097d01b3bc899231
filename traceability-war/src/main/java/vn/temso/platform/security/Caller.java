package vn.temso.platform.security;

import java.util.Set;

/**
 * The authenticated person behind a request. Tenancy decisions are made from this in the service layer,
 * never from ids the client sends.
 *
 * <p>A partner's API key (a distributor, a market, a supermarket) authenticates as a caller with {@code partnerId}
 * set and no user: it reads what a member of its cooperative reads, changes nothing but what {@link #canCapture}
 * allows, and is accepted only on the EPCIS interface (docs/epcis-capture.md).
 */
public record Caller(
        String userId, String username, Role role, String cooperativeId, Set<String> communeKeys, String partnerId) {

    public Caller {
        communeKeys = Set.copyOf(communeKeys);
    }

    /** A signed-in user. */
    public Caller(String userId, String username, Role role, String cooperativeId, Set<String> communeKeys) {
        this(userId, username, role, cooperativeId, communeKeys, null);
    }

    /** A partner's API key of one cooperative: reads as that cooperative's members do. */
    public static Caller partner(String partnerId, String cooperativeId) {
        return new Caller(null, "partner/" + partnerId, Role.COOP_MEMBER, cooperativeId, Set.of(), partnerId);
    }

    public boolean isPartner() {
        return partnerId != null;
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

    /** Farm-diary events may also be written by members of the cooperative (not by a partner's key). */
    public boolean canRecordDiary(String coopId) {
        return canManage(coopId)
                || (role == Role.COOP_MEMBER && !isPartner() && coopId != null && coopId.equals(cooperativeId));
    }

    /**
     * May this caller add EPCIS events about that cooperative's lots and stamps (the capture interface)? Admins, the
     * cooperative's managers, and the keys of its partners; not its members or commune staff.
     */
    public boolean canCapture(String coopId) {
        return canManage(coopId) || (isPartner() && coopId != null && coopId.equals(cooperativeId));
    }
}
