package vn.temso.imports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.stream.Collectors;
import vn.temso.batch.control.BatchCommand;
import vn.temso.batch.control.Batches;
import vn.temso.batch.entity.Batch;
import vn.temso.platform.text.Texts;
import vn.temso.zone.entity.MaterialZone;

/** Batch rows through {@link Batches}: a new product + lot records a harvest, a known one (still open) is updated. */
@ApplicationScoped
public class BatchRows {

    @Inject
    Batches batches;

    @Inject
    ImportLookups lookups;

    public RowTarget<BatchCommand> target() {
        return new RowTarget<>() {
            @Override
            public String key(BatchCommand c) {
                return c.productId() + "/"
                        + (c.lotCode() == null ? "" : c.lotCode().strip());
            }

            @Override
            public String keyColumn() {
                return "lot";
            }

            @Override
            public Outcome apply(BatchCommand c) {
                Batch existing = lookups.batch(c.productId(), c.lotCode());
                if (existing == null) {
                    batches.create(c);
                    return Outcome.CREATED;
                }
                if (same(existing, c)) {
                    return Outcome.UNCHANGED;
                }
                batches.update(existing.getId(), c);
                return Outcome.UPDATED;
            }
        };
    }

    static boolean same(Batch b, BatchCommand c) {
        return b.getZones().stream()
                        .map(MaterialZone::getId)
                        .collect(Collectors.toSet())
                        .equals(c.zoneIds())
                && Objects.equals(b.getHarvestDate(), c.harvestDate())
                && Objects.equals(b.getExpiryDate(), c.expiryDate())
                && Values.sameNumber(b.getQuantity(), c.quantity())
                && Objects.equals(b.getUnit(), Texts.clean(c.unit()));
    }
}
