package vn.temso.epcis.control;

import java.time.Instant;
import java.time.LocalDate;
import vn.temso.platform.time.FarmTime;

/**
 * One step of a lot's chain of custody, as the public trace page and the lot page say it: "shipped to {party}",
 * "received by {party}", "received from {party}"... on a day. Built from the producer's diary (shipping and receiving
 * entries) or from a partner's captured EPCIS event ({@link CustodyMapping}); every text in it is already cleaned
 * and cut to a length the page can show ({@link CustodyMapping#shown}), never a URL.
 *
 * @param step    what happened, as the sentence's verb
 * @param at      the event time
 * @param party   whom the sentence names: to whom it was shipped, by whom received, from whom an input was received;
 *                null when the record names nobody Temso can show
 * @param from    where the goods came from, when another party than the lot's producer; null otherwise
 * @param place   where it happened (the event's business location), null when unknown
 * @param partner whether a partner reported it (a captured event) rather than the producer's own diary
 */
public record CustodyStep(Step step, Instant at, Party party, Party from, Place place, boolean partner) {

    /** The verb of a step; the page words each one from its message bundle ({@code journey.step.NAME}). */
    public enum Step {
        /** CBV shipping, departing: the goods left for {@code party}. */
        SHIPPED_TO,
        /** CBV receiving, accepting, arriving: {@code party} took the goods in. */
        RECEIVED_BY,
        /** The producer's diary: an input of the lot (paddy, seedlings...) came from {@code party}. */
        RECEIVED_FROM,
        /** CBV storing. */
        STORED_BY,
        /** CBV retail_selling, stocking: on a shelf. */
        ON_SALE_BY,
        /** CBV transporting, loading, unloading. */
        CARRIED_BY,
        /** CBV inspecting, sampling. */
        INSPECTED_BY,
        /** Any other step a partner reported. */
        HANDLED_BY
    }

    /**
     * A party as the page shows it: a name (cleaned, at most {@link CustodyMapping#MAX_NAME} characters) and/or a
     * GLN (13 digits, check digit verified). {@code cooperativeId} is set only while a Temso cooperative named by its
     * party URI waits for its name; the journey a page gets never carries it.
     */
    public record Party(String name, String gln, String cooperativeId) {

        /** A party by name and GLN. */
        public static Party of(String name, String gln) {
            return name == null && gln == null ? null : new Party(name, gln, null);
        }
    }

    /** Where a step happened: the location's name when the event gives one, its GLN, or a Temso growing zone's code. */
    public record Place(String name, String gln, String zoneCode) {}

    /** The Vietnamese calendar day of the step. */
    public LocalDate day() {
        return FarmTime.dateOf(at);
    }
}
