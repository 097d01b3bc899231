package vn.temso.listing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.temso.catalog.feed.Channel;

/**
 * The published file of one area feed (the province, or one commune) and channel: the OCOP products of every
 * consenting cooperative of the area. Dirty while {@code generation > doneGeneration}, as {@link ListingFeed}; rows
 * exist only for the province and for the communes of consenting cooperatives (made by the regenerator, never from a
 * request), and state changes go through bulk updates.
 */
@Entity
@Table(name = "area_feed")
public class AreaFeed {

    @Id
    private String id;

    /** {@code province} or {@code commune/<slug>}. */
    private String scope;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private long generation;

    @Column(name = "done_generation")
    private long doneGeneration;

    @Enumerated(EnumType.STRING)
    private ListingFeed.Outcome outcome;

    private String message;

    @Column(name = "items_written")
    private Long itemsWritten;

    @Column(name = "items_invalid")
    private Long itemsInvalid;

    @Column(name = "generated_at")
    private Instant generatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    protected AreaFeed() {}

    public AreaFeed(String scope, Channel channel) {
        this.id = idOf(scope, channel);
        this.scope = scope;
        this.channel = channel;
        this.generation = 1;
        this.doneGeneration = 0;
    }

    public static String idOf(String scope, Channel channel) {
        return scope + ":" + channel.cliName();
    }

    public String getId() {
        return id;
    }

    public String getScope() {
        return scope;
    }

    public Channel getChannel() {
        return channel;
    }

    public long getGeneration() {
        return generation;
    }

    public boolean isDirty() {
        return generation > doneGeneration;
    }

    public ListingFeed.Outcome getOutcome() {
        return outcome;
    }

    public String getMessage() {
        return message;
    }

    public Long getItemsWritten() {
        return itemsWritten;
    }

    public Long getItemsInvalid() {
        return itemsInvalid;
    }

    public Instant getGeneratedAt() {
        return generatedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
