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
 * The published feed file of one cooperative and channel. The transaction that changes a product or listing
 * increments {@code generation}; the regenerator records the generation it read in {@code doneGeneration}, so the
 * feed is dirty while {@code generation > doneGeneration} and a change made during a regeneration is never lost. State changes go through bulk
 * updates (see {@code Feeds}), never through this entity, hence no @Version.
 */
@Entity
@Table(name = "listing_feed")
public class ListingFeed {

    public enum Outcome {
        PUBLISHED,
        HELD_BACK,
        ERROR
    }

    @Id
    private String id;

    @Column(name = "cooperative_id")
    private String cooperativeId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private long generation;

    @Column(name = "done_generation")
    private long doneGeneration;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String message;

    @Column(name = "items_written")
    private Long itemsWritten;

    @Column(name = "items_invalid")
    private Long itemsInvalid;

    @Column(name = "items_deleted")
    private Long itemsDeleted;

    @Column(name = "generated_at")
    private Instant generatedAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    protected ListingFeed() {}

    public ListingFeed(String cooperativeId, Channel channel) {
        this.id = idOf(cooperativeId, channel);
        this.cooperativeId = cooperativeId;
        this.channel = channel;
        this.generation = 1;
        this.doneGeneration = 0;
    }

    public static String idOf(String cooperativeId, Channel channel) {
        return cooperativeId + ":" + channel.cliName();
    }

    public String getId() {
        return id;
    }

    public String getCooperativeId() {
        return cooperativeId;
    }

    public Channel getChannel() {
        return channel;
    }

    public boolean isDirty() {
        return generation > doneGeneration;
    }

    public long getGeneration() {
        return generation;
    }

    public Outcome getOutcome() {
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

    public Long getItemsDeleted() {
        return itemsDeleted;
    }

    public Instant getGeneratedAt() {
        return generatedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
