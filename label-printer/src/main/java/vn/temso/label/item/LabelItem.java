package vn.temso.label.item;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One label to print: the stamp URL for the QR code and the human-readable facts next to it.
 * All text is NFC-normalised on construction, so a name typed with combining marks prints and
 * extracts the same as one typed with precomposed letters.
 *
 * @param qrPayload       the stamp URL encoded in the QR code (required)
 * @param productName     product name, e.g. "Gạo thơm ST25" (required)
 * @param lot             lot / batch code (required)
 * @param zoneCode        growing-area code, e.g. "VN-LA-0123" (required)
 * @param harvestDate     harvest date (required)
 * @param expiry          best-before date, or {@code null} when the product has none
 * @param netQuantity     net quantity with its unit, e.g. "5 kg" (required)
 * @param cooperativeName producer, e.g. "Hợp tác xã Tân Trụ Xanh" (required)
 * @param ocopStars       OCOP rating: 0 for none, else 3 to 5
 */
public record LabelItem(
        String qrPayload,
        String productName,
        String lot,
        String zoneCode,
        LocalDate harvestDate,
        LocalDate expiry,
        String netQuantity,
        String cooperativeName,
        int ocopStars) {

    /** Longest payload accepted: a version-40 QR at level L holds 2953 bytes; stamps are far shorter. */
    public static final int MAX_PAYLOAD_LENGTH = 2000;

    public LabelItem {
        qrPayload = required("qrPayload", qrPayload);
        if (qrPayload.length() > MAX_PAYLOAD_LENGTH) {
            throw new InvalidLabelItemException("qrPayload is " + qrPayload.length() + " characters long; at most "
                    + MAX_PAYLOAD_LENGTH + " fit in a label QR code");
        }
        productName = required("productName", productName);
        lot = required("lot", lot);
        zoneCode = required("zoneCode", zoneCode);
        if (harvestDate == null) {
            throw new InvalidLabelItemException("harvestDate is required");
        }
        if (expiry != null && expiry.isBefore(harvestDate)) {
            throw new InvalidLabelItemException("expiry " + expiry + " is before harvestDate " + harvestDate);
        }
        netQuantity = required("netQuantity", netQuantity);
        cooperativeName = required("cooperativeName", cooperativeName);
        if (ocopStars != 0 && (ocopStars < 3 || ocopStars > 5)) {
            throw new InvalidLabelItemException("ocopStars must be 0 (none) or 3 to 5, not " + ocopStars);
        }
    }

    /** The expiry date, when there is one. */
    public Optional<LocalDate> expiryDate() {
        return Optional.ofNullable(expiry);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidLabelItemException(field + " is required");
        }
        return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }
}
