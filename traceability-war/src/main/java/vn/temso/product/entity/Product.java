package vn.temso.product.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.persistence.PublicContent;
import vn.temso.platform.text.Texts;

/** A trade item of a cooperative, identified by its GTIN (stored as GTIN-14), optionally OCOP-rated. */
@Entity
@EntityListeners(PublicContent.Listener.class) // trace pages cache what they show
@Table(name = "product")
public class Product {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "cooperative_id")
    private Cooperative cooperative;

    private String gtin;
    private String name;
    private String description;
    private String category;
    private String unit;

    @Column(name = "price_vnd")
    private Long priceVnd;

    @Column(name = "image_url")
    private String imageUrl;

    @Embedded
    private OcopCertificate ocop;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private int version;

    protected Product() {}

    public Product(Cooperative cooperative, String gtin14, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.cooperative = cooperative;
        this.gtin = gtin14;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public void describe(
            String name, String description, String category, String unit, Long priceVnd, String imageUrl, Instant at) {
        this.name = Texts.clean(name);
        this.description = Texts.clean(description);
        this.category = Texts.clean(category);
        this.unit = Texts.clean(unit);
        this.priceVnd = priceVnd;
        this.imageUrl = Texts.clean(imageUrl);
        this.updatedAt = at;
    }

    public void certifyOcop(OcopCertificate certificate, Instant at) {
        this.ocop = certificate;
        this.updatedAt = at;
    }

    /** The OCOP certificate, or null; EclipseLink may materialise an all-null embeddable, hidden here. */
    public OcopCertificate ocop() {
        return ocop == null || !ocop.isPresent() ? null : ocop;
    }

    public boolean isOcopActiveOn(LocalDate day) {
        return ocop() != null && ocop.isActiveOn(day);
    }

    public String getId() {
        return id;
    }

    public Cooperative getCooperative() {
        return cooperative;
    }

    public String getGtin() {
        return gtin;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getCategory() {
        return category;
    }

    public String getUnit() {
        return unit;
    }

    public Long getPriceVnd() {
        return priceVnd;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public int getVersion() {
        return version;
    }
}
