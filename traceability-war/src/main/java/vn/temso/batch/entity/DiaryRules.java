package vn.temso.batch.entity;

import vn.temso.platform.domain.InvalidField;
import vn.temso.platform.text.Texts;

/** The rules every diary entry keeps, written in a batch's diary or in a season's. */
final class DiaryRules {

    private DiaryRules() {}

    /** @return the pre-harvest interval, checked; an input naming a banned active ingredient is refused */
    static Integer check(EventType type, String inputName, Integer preHarvestIntervalDays) {
        if (type == null) {
            throw new InvalidField("type", "a diary entry says what was done");
        }
        if (type == EventType.SPRAYING && (Texts.clean(inputName) == null || preHarvestIntervalDays == null)) {
            // on "type" as the API has always told it: the kind of entry is what asks for these fields
            throw new InvalidField("type", "a spraying names the product sprayed and its pre-harvest interval in days");
        }
        if (preHarvestIntervalDays != null && (preHarvestIntervalDays < 0 || preHarvestIntervalDays > 365)) {
            throw new InvalidField("preHarvestIntervalDays", "the pre-harvest interval is 0 to 365 days");
        }
        BannedIngredients.refuseBanned(inputName);
        return preHarvestIntervalDays;
    }
}
