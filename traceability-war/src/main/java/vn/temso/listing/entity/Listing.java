package vn.temso.listing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.model.Availability;
import vn.temso.product.entity.Product;

/**
 * A cooperative's choice to list one product on one marketplace channel. A listing is never removed: the
 * {@code deleted} flag withdraws it (the item leaves the feed files and push channels get a deletion), and
 * {@code enabled=false} pauses it the same way while keeping it for later.
 */
@Entity
@Table(name = "listing")
public class Listing {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "product_id")
    private Product product;

    @Column(name = "cooperative_id")
    private String cooperativeId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private boolean enabled;

    @Enumerated(EnumType.STRING)
    private Availability availability;

    private boolean deleted;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private int version;

    protected Listing() {}

    public Listing(Product product, Channel channel, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.product = product;
        this.cooperativeId = product.getCooperative().getId();
        this.channel = channel;
        this.enabled = true;
        this.availability = Availability.IN_STOCK;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public void change(boolean enabled, Availability availability, boolean deleted, Instant at) {
        this.enabled = enabled;
        this.availability = availability;
        this.deleted = deleted;
        this.updatedAt = at;
    }

    /** Listed right now: in the feed file, or pushed as a live product (otherwise pushed as a deletion). */
    public boolean isLive() {
        return enabled && !deleted;
    }

    public String getId() {
        return id;
    }

    public Product getProduct() {
        return product;
    }

    public String getCooperativeId() {
        return cooperativeId;
    }

    public Channel getChannel() {
        return channel;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Availability getAvailability() {
        return availability;
    }

    public boolean isDeleted() {
        return deleted;
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
