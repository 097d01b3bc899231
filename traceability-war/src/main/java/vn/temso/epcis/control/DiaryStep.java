package vn.temso.epcis.control;

import vn.temso.batch.entity.EventType;
import vn.temso.epcis.entity.Identifiers;

/**
 * A diary entry's business step and disposition: the CBV 2.0 step where one fits, otherwise Temso's own step URI
 * (CBV has no step for sowing, fertilising, spraying, irrigating or harvesting a field).
 */
record DiaryStep(String bizStep, String disposition, boolean outbound, boolean inbound) {

    static DiaryStep of(EventType type) {
        return switch (type) {
            case SOWING -> temso("sowing");
            case FERTILISING -> temso("fertilising");
            case SPRAYING -> temso("spraying");
            case IRRIGATION -> temso("irrigating");
            case HARVEST -> temso("harvesting");
            case PACKING -> new DiaryStep("packing", null, false, false);
            case SHIPPING -> new DiaryStep("shipping", "in_transit", true, false);
            case RECEIVING -> new DiaryStep("receiving", "in_progress", false, true);
            case INSPECTION -> new DiaryStep("inspecting", null, false, false);
            case OTHER -> new DiaryStep("other", null, false, false);
        };
    }

    private static DiaryStep temso(String name) {
        return new DiaryStep(Identifiers.bizStep(name), null, false, false);
    }
}
