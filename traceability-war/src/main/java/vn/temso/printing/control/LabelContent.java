package vn.temso.printing.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Collectors;
import vn.temso.batch.entity.Batch;
import vn.temso.label.item.LabelItem;
import vn.temso.platform.problem.Problems;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.Product;
import vn.temso.zone.entity.MaterialZone;

/**
 * What every label of a batch says besides its QR: taken from the batch when a print runs. OCOP stars are printed
 * only while the certificate is active on the day of printing (an expired star rating on a package misleads buyers).
 */
public record LabelContent(
        String productName,
        String lot,
        String zoneCodes,
        LocalDate harvestDate,
        LocalDate expiry,
        String netQuantity,
        String cooperativeName,
        int ocopStars) {

    public static LabelContent of(Batch b, LocalDate today) {
        if (b.getHarvestDate() == null) {
            throw new Problems.RuleViolated(
                    "batch-incomplete", "Batch " + b.getLotCode() + " has no harvest date; labels need one");
        }
        Product p = b.getProduct();
        OcopCertificate ocop = p.ocop();
        int stars = ocop != null && ocop.isActiveOn(today) ? ocopStars(ocop.getStars()) : 0;
        String zones = b.getZones().stream().map(MaterialZone::getCode).sorted().collect(Collectors.joining(", "));
        return new LabelContent(
                p.getName(),
                b.getLotCode(),
                zones,
                b.getHarvestDate(),
                b.getExpiryDate(),
                netQuantity(p.getUnit(), b.getQuantity(), b.getUnit()),
                b.getCooperative().getName(),
                stars);
    }

    /** Stars a label can show: 3 to 5, else none. */
    static int ocopStars(Integer stars) {
        return stars != null && stars >= 3 && stars <= 5 ? stars : 0;
    }

    /**
     * The package's net quantity is the product's sales unit ("túi 5 kg"); a product without one falls back to the
     * batch's unit, without the batch total (the total of a batch is not what one package holds).
     */
    static String netQuantity(String productUnit, BigDecimal batchQuantity, String batchUnit) {
        if (productUnit != null && !productUnit.isBlank()) {
            return productUnit.strip();
        }
        if (batchUnit != null && !batchUnit.isBlank()) {
            return batchUnit.strip();
        }
        return "1 gói";
    }

    /** The label of one stamp. */
    public LabelItem label(String stampUrl) {
        return new LabelItem(
                stampUrl, productName, lot, zoneCodes, harvestDate, expiry, netQuantity, cooperativeName, ocopStars);
    }
}
