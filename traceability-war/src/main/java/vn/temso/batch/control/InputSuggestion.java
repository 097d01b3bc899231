package vn.temso.batch.control;

import java.time.Instant;

/**
 * An input to offer in the diary: one the cooperative used before (with the pre-harvest interval it wrote last for
 * it), or a banned active ingredient matching what was typed, flagged so that it is not chosen.
 *
 * @param banned             true if the name names an active ingredient banned in Vietnam: a diary entry with it is
 *                           refused
 * @param bannedReason       why, when banned
 * @param activeIngredient   the banned ingredient named, when banned
 * @param usedBefore         true if the cooperative wrote this input in its diary before
 * @param preHarvestIntervalDays the interval the cooperative wrote last for it, to pre-fill (null if never given)
 */
public record InputSuggestion(
        String name,
        boolean banned,
        String bannedReason,
        String activeIngredient,
        boolean usedBefore,
        Integer preHarvestIntervalDays,
        Instant lastUsedAt) {}
