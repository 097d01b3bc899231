package vn.temso.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.boundary.ProductRequest;
import vn.temso.product.boundary.ProductView;
import vn.temso.product.control.ImageRefused;
import vn.temso.product.control.ImageSizes;
import vn.temso.product.control.ProductImages;
import vn.temso.product.control.Products;
import vn.temso.product.entity.OcopLevel;

/** Product list and form, with OCOP certificate and an image upload kept in the file store (ProductImages). */
@Named
@ViewScoped
public class ProductsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Products products;

    @Inject
    transient ProductImages images;

    @Inject
    transient Clock clock;

    private String id;
    private ProductView product;
    private String gtin;
    private String name;
    private String description;
    private String category;
    private String unit;
    private Long priceVnd;
    private Integer ocopStars;
    private Integer ocopScore;
    private String ocopDecision;
    private LocalDate ocopDate;
    private OcopLevel ocopLevel;
    private String ocopAuthority;
    private transient Part image;
    private String q;
    private String ocop;
    private int page;
    private transient Page<ProductView> rows;

    /** This page of the product list, by the page's filters (?q=, ?ocop=active|expired|none, ?page=). */
    public Page<ProductView> getRows() {
        if (rows == null) {
            var p = products.list(
                    q, ocop != null && getOcopFilters().contains(ocop) ? ocop : null, null, Lists.request(page));
            var today = FarmTime.today(clock);
            rows = new Page<>(
                    p.items().stream().map(x -> ProductView.of(x, today)).toList(), p.page(), p.size(), p.total());
        }
        return rows;
    }

    /** The OCOP filters of the list (Products.list). */
    public List<String> getOcopFilters() {
        return List.of("active", "expired", "none");
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getOcop() {
        return ocop;
    }

    public void setOcop(String ocop) {
        this.ocop = ocop;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public void load() {
        if (id != null && product == null) {
            Ui.run("product", () -> {
                product = ProductView.of(products.readable(id), FarmTime.today(clock));
                gtin = product.gtin();
                name = product.name();
                description = product.description();
                category = product.category();
                unit = product.unit();
                priceVnd = product.priceVnd();
                if (product.ocop() != null) {
                    ocopStars = product.ocop().stars();
                    ocopScore = product.ocop().score();
                    ocopDecision = product.ocop().decisionNumber();
                    ocopDate = product.ocop().decisionDate();
                    ocopLevel = product.ocop().level();
                    ocopAuthority = product.ocop().authority();
                }
            });
        }
    }

    public void save() {
        var saved = Ui.attempt("product", () -> {
            // the image is read and checked first: a refused one leaves the product as it was
            byte[] upload = null;
            ImageSizes.Prepared prepared = null;
            if (image != null && image.getSize() > 0) {
                try (InputStream in = image.getInputStream()) {
                    upload = ProductImages.read(in);
                    prepared = ImageSizes.prepare(upload, true);
                } catch (ImageRefused e) {
                    throw words(e);
                } catch (IOException e) {
                    throw words(new ImageRefused(ImageRefused.Rule.UNREADABLE, ""));
                }
            }
            ProductRequest.OcopRequest ocop = ocopStars == null
                    ? null
                    : new ProductRequest.OcopRequest(
                            ocopStars, null, ocopScore, ocopDecision, ocopDate, ocopLevel, ocopAuthority, null);
            String imageUrl = product == null ? null : product.imageUrl();
            ProductRequest r =
                    new ProductRequest(null, gtin, name, description, category, unit, priceVnd, imageUrl, ocop);
            Validation.check(r);
            var p = id == null ? products.create(r.toCommand()) : products.update(id, r.toCommand());
            return prepared == null ? p : images.store(p.getId(), upload, prepared);
        });
        if (saved != null) {
            Ui.info(Ui.text("product.saved"));
            Ui.redirect("/app/product.xhtml?id=" + saved.getId());
        }
    }

    /** The refusal worded in the page's language from its rule and figures (the API's detail is English). */
    private static Problems.ValidationFailed words(ImageRefused e) {
        String message = MessageFormat.format(
                Ui.text("product.image.rule." + e.rule().code()),
                e.args().stream().map(String::valueOf).toArray());
        return new Problems.ValidationFailed(ImageRefused.FIELD, message);
    }

    public OcopLevel[] getLevels() {
        return OcopLevel.values();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ProductView getProduct() {
        return product;
    }

    public String getGtin() {
        return gtin;
    }

    public void setGtin(String gtin) {
        this.gtin = gtin;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public Long getPriceVnd() {
        return priceVnd;
    }

    public void setPriceVnd(Long priceVnd) {
        this.priceVnd = priceVnd;
    }

    public Integer getOcopStars() {
        return ocopStars;
    }

    public void setOcopStars(Integer ocopStars) {
        this.ocopStars = ocopStars;
    }

    public Integer getOcopScore() {
        return ocopScore;
    }

    public void setOcopScore(Integer ocopScore) {
        this.ocopScore = ocopScore;
    }

    public String getOcopDecision() {
        return ocopDecision;
    }

    public void setOcopDecision(String ocopDecision) {
        this.ocopDecision = ocopDecision;
    }

    public LocalDate getOcopDate() {
        return ocopDate;
    }

    public void setOcopDate(LocalDate ocopDate) {
        this.ocopDate = ocopDate;
    }

    public OcopLevel getOcopLevel() {
        return ocopLevel;
    }

    public void setOcopLevel(OcopLevel ocopLevel) {
        this.ocopLevel = ocopLevel;
    }

    public String getOcopAuthority() {
        return ocopAuthority;
    }

    public void setOcopAuthority(String ocopAuthority) {
        this.ocopAuthority = ocopAuthority;
    }

    public Part getImage() {
        return image;
    }

    public void setImage(Part image) {
        this.image = image;
    }
}
