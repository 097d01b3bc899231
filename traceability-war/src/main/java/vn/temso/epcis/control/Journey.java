package vn.temso.epcis.control;

import java.math.BigDecimal;
import java.util.List;
import vn.temso.stamp.Gs1Value;

/**
 * "One step back, one step forward" (TCVN 12850) of a lot, as the public trace page, its JSON and the lot page show
 * it ({@link Custody#journey}). Holds only what a buyer may see: no ids of Temso's records, no event payloads.
 *
 * @param zones    one step back: the growing zones the lot came from
 * @param inputs   one step back: the lots it was made from (genealogy)
 * @param received one step back: inputs the producer received (its diary's receiving entries), oldest first
 * @param forward  one step forward: the chain of custody after the producer (its diary's shipping entries and the
 *                 partners' captured events), oldest first
 * @param madeInto one step forward: lots made from this one
 * @param more     whether a list was cut at its bound (the lot's EPCIS events hold the rest)
 */
public record Journey(
        List<Zone> zones,
        List<Lot> inputs,
        List<CustodyStep> received,
        List<CustodyStep> forward,
        List<Lot> madeInto,
        boolean more) {

    /** A journey with nothing in it. */
    public static final Journey NONE = new Journey(List.of(), List.of(), List.of(), List.of(), List.of(), false);

    public Journey {
        zones = List.copyOf(zones);
        inputs = List.copyOf(inputs);
        received = List.copyOf(received);
        forward = List.copyOf(forward);
        madeInto = List.copyOf(madeInto);
    }

    /** A growing zone (mã số vùng trồng) and its commune. */
    public record Zone(String code, String name, String commune) {}

    /**
     * Another lot of the genealogy, with the quantity used when recorded.
     *
     * @param tracePath the lot's public trace page on this server ({@code /01/{gtin}/10/{lot}}): every lot has one
     */
    public record Lot(
            String gtin,
            String lotCode,
            String productName,
            String cooperativeName,
            BigDecimal quantity,
            String unit,
            String tracePath) {

        static Lot of(
                String gtin, String lotCode, String productName, String cooperative, BigDecimal quantity, String unit) {
            return new Lot(
                    gtin,
                    lotCode,
                    productName,
                    cooperative,
                    quantity,
                    unit,
                    "/01/" + gtin + "/10/" + Gs1Value.encode(lotCode));
        }
    }

    /** Whether there is nothing to show (not a bean property: the JSON does not carry it). */
    public boolean nothingToShow() {
        return zones.isEmpty() && inputs.isEmpty() && received.isEmpty() && forward.isEmpty() && madeInto.isEmpty();
    }
}
