package vn.temso.portal.entity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A lot as the National Product Traceability Portal is told about it (Decree 37/2026/NĐ-CP Art. 23; Circular
 * 02/2024/TT-BKHCN): product name and image, producer name, address and identifiers, origin, key tracking events with
 * their times (TCVN 12850 / GS1 Global Traceability Standard), brand, GTIN, lot number and stamp serial range, expiry
 * date, standards applied, and the trace page. Built from Temso's data each time; the mapping file picks fields from it
 * by their paths ({@code product.name}, {@code origin.zones[].code}), so the names of these components are a
 * documented interface (docs/epcis-portal.md): rename none of them.
 */
public record PortalRecord(
        Lot lot, Product product, Producer producer, Origin origin, List<KeyEvent> events, Standards standards) {

    public PortalRecord {
        events = List.copyOf(events);
    }

    /**
     * The lot.
     *
     * @param id          Temso's batch id
     * @param number      the lot number (GS1 AI 10)
     * @param gtin        the product's GTIN-14
     * @param digitalLink the lot's GS1 Digital Link class URI ({@code https://id.gs1.org/01/{gtin}/10/{lot}})
     * @param traceUrl    the lot's public trace page on Temso
     * @param status      OPEN, CLOSED or RECALLED
     * @param inputs      the lots it was made from (milling, blending), empty for a harvest
     */
    public record Lot(
            String id,
            String number,
            String gtin,
            String digitalLink,
            String traceUrl,
            LocalDate harvestDate,
            LocalDate expiryDate,
            BigDecimal quantity,
            String unit,
            String status,
            String recallReason,
            Stamps stamps,
            List<Input> inputs) {
        public Lot {
            inputs = List.copyOf(inputs);
        }
    }

    /** A lot this one was made from. */
    public record Input(String gtin, String number, String digitalLink) {}

    /**
     * The digital stamps issued for the lot, by issue number (1, 2, 3... per lot); null when none were issued.
     *
     * @param firstSerial the serial (GS1 AI 21) of the first stamp issued
     * @param lastSerial  the serial of the last stamp issued
     */
    public record Stamps(long issued, long voided, int firstSeq, int lastSeq, String firstSerial, String lastSerial) {}

    /** The trade item; the brand is the producer's name (as in the marketplace feeds). */
    public record Product(
            String name,
            String description,
            String imageUrl,
            String gtin,
            String brand,
            String category,
            String unit) {}

    /** The producer: the cooperative (or company, group, household) that owns the lot. */
    public record Producer(
            String name,
            String kind,
            String taxId,
            String gln,
            String address,
            String commune,
            String district,
            String province,
            String country,
            String phone,
            String email,
            String representative) {}

    /** Where the lot grew: its zones (growing-area codes) and their administrative units, without repeats. */
    public record Origin(
            String country, List<String> zoneCodes, List<String> communes, List<String> provinces, List<Zone> zones) {
        public Origin {
            zoneCodes = List.copyOf(zoneCodes);
            communes = List.copyOf(communes);
            provinces = List.copyOf(provinces);
            zones = List.copyOf(zones);
        }
    }

    /** One growing zone (mã số vùng trồng) of the lot. */
    public record Zone(
            String code,
            String name,
            String address,
            String commune,
            String district,
            String province,
            String crop,
            String variety,
            BigDecimal areaHa) {}

    /**
     * One key tracking event from the EPCIS event log (never one declared wrong).
     *
     * @param bizStep  the CBV business step (bare, {@code shipping}) or Temso's step URI where CBV has none
     * @param location the business location URI (a zone, a GLN)
     * @param partyName the other party of a shipping (to whom) or receiving (from whom), when known by name
     * @param partyGln  that party's GLN, when known
     * @param byPartner whether a partner (distributor, market, supermarket) captured the event
     */
    public record KeyEvent(
            String eventId,
            String eventType,
            String bizStep,
            String disposition,
            OffsetDateTime eventTime,
            String location,
            String partyName,
            String partyGln,
            boolean byPartner) {}

    /**
     * The standards applied, as valid on the day the record was built.
     *
     * @param applied one line per standard, e.g. {@code "OCOP 4 sao"}, {@code "VietGAP VietGAP-TT-01-99-0123"}
     */
    public record Standards(List<String> applied, Ocop ocop, List<Certificate> certifications) {
        public Standards {
            applied = List.copyOf(applied);
            certifications = List.copyOf(certifications);
        }
    }

    /** The product's OCOP rating while it is valid. */
    public record Ocop(
            int stars,
            String label,
            Integer score,
            String decisionNumber,
            LocalDate decisionDate,
            String level,
            String authority,
            LocalDate validUntil) {}

    /** A certificate of one of the lot's zones (VietGAP, GlobalGAP, organic...), while valid. */
    public record Certificate(String scheme, String number, LocalDate validUntil, String zoneCode) {}
}
