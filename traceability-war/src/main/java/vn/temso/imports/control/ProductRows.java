package vn.temso.imports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import vn.temso.platform.text.Texts;
import vn.temso.product.control.ProductCommand;
import vn.temso.product.control.Products;
import vn.temso.product.entity.Gtin;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.Product;

/** Product rows through {@link Products}: a new GTIN registers a product, a known one of the cooperative updates it. */
@ApplicationScoped
public class ProductRows {

    @Inject
    Products products;

    @Inject
    ImportLookups lookups;

    public RowTarget<ProductCommand> target(String cooperativeId) {
        return new RowTarget<>() {
            @Override
            public String key(ProductCommand c) {
                return Gtin.normalize(c.gtin());
            }

            @Override
            public String keyColumn() {
                return "gtin";
            }

            @Override
            public Outcome apply(ProductCommand c) {
                Product existing = lookups.product(c.gtin());
                if (existing == null) {
                    products.create(c);
                    return Outcome.CREATED;
                }
                if (!existing.getCooperative().getId().equals(cooperativeId)) {
                    throw new CellProblem("gtin", "row.foreignProduct", existing.getGtin());
                }
                if (same(existing, c)) {
                    return Outcome.UNCHANGED;
                }
                // the image is not in the sheet: it stays as it is
                products.update(
                        existing.getId(),
                        new ProductCommand(
                                c.cooperativeId(),
                                c.gtin(),
                                c.name(),
                                c.description(),
                                c.category(),
                                c.unit(),
                                c.priceVnd(),
                                existing.getImageUrl(),
                                c.ocop()));
                return Outcome.UPDATED;
            }
        };
    }

    static boolean same(Product p, ProductCommand c) {
        return Objects.equals(p.getName(), Texts.clean(c.name()))
                && Objects.equals(p.getDescription(), Texts.clean(c.description()))
                && Objects.equals(p.getCategory(), Texts.clean(c.category()))
                && Objects.equals(p.getUnit(), Texts.clean(c.unit()))
                && Objects.equals(p.getPriceVnd(), c.priceVnd())
                && sameOcop(p.ocop(), c.ocop());
    }

    private static boolean sameOcop(OcopCertificate o, ProductCommand.Ocop c) {
        if (o == null || c == null) {
            return o == null && c == null;
        }
        return Objects.equals(o.getStars(), c.stars())
                && Objects.equals(o.getProductGroup(), c.group())
                && Objects.equals(o.getScore(), c.score())
                && Objects.equals(o.getDecisionNumber(), Texts.clean(c.decisionNumber()))
                && Objects.equals(o.getDecisionDate(), c.decisionDate())
                && Objects.equals(o.getLevel(), c.level())
                && Objects.equals(o.getAuthority(), Texts.clean(c.authority()))
                && (c.validUntil() == null || Objects.equals(o.getValidUntil(), c.validUntil()));
    }
}
