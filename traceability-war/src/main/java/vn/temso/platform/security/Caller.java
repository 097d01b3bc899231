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
            case COMMUNE_STAFF, DIGITAL_TEAM -> inCommunes(coopCommuneKey);
            case COOP_MANAGER, COOP_MEMBER -> coopId != null && coopId.equals(cooperativeId);
        };
    }

    /** Does this caller work for communes (commune staff, a digital team) rather than for one cooperative? */
    public boolean isCommuneLevel() {
        return role == Role.COMMUNE_STAFF || role == Role.DIGITAL_TEAM;
    }

    private boolean inCommunes(String coopCommuneKey) {
        return coopCommuneKey != null && communeKeys.contains(coopCommuneKey);
    }

    /** May this caller change the registry (zones, products, batches) of that cooperative? */
    public boolean canManage(String coopId) {
        return role == Role.ADMIN || (role == Role.COOP_MANAGER && coopId != null && coopId.equals(cooperativeId));
    }

    /**
     * May this caller hold the signed stamp URLs of that cooperative (print labels, export the stamp list, fetch QR
     * images, see URLs and signatures)? A signed URL is the label itself: whoever holds one can print genuine
     * copies. Administrators, the cooperative's managers and the commune staff of its commune; not its members,
     * nor community digital teams (they enter records, they do not print labels).
     */
    public boolean canHoldSignedStamps(String coopId, String coopCommuneKey) {
        return canManage(coopId) || (role == Role.COMMUNE_STAFF && canRead(coopId, coopCommuneKey));
    }

    /**
     * May this caller enter records (zones, farm-diary entries, spreadsheet imports) for that cooperative? Those who
     * manage it, and the community digital team members of its commune, who enter on behalf of farmers who cannot
     * ({@link #actsOnBehalfOf}). The hook for every feature that takes records in; products, batches, stamps,
     * recalls, listings, partners and users stay with {@link #canManage}.
     */
    public boolean canEnterFor(String coopId, String coopCommuneKey) {
        return canManage(coopId) || (role == Role.DIGITAL_TEAM && inCommunes(coopCommuneKey));
    }

    /**
     * Is a change this caller makes for that cooperative done on its behalf by someone outside it (a digital team
     * member)? The audit log then names both: the actor and the cooperative it was done for.
     */
    public boolean actsOnBehalfOf(String coopId) {
        return role == Role.DIGITAL_TEAM && coopId != null;
    }

    /** Farm-diary events: whoever {@link #canEnterFor} the cooperative, and its members (not a partner's key). */
    public boolean canRecordDiary(String coopId, String coopCommuneKey) {
        return canEnterFor(coopId, coopCommuneKey)
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
