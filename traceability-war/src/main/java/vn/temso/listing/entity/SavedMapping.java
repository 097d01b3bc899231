package vn.temso.listing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.feed.ColumnMapping;

/**
 * A column layout chosen for a CSV channel whose layout is ours to choose (Voso, Postmart), instance-wide or for one
 * cooperative. The scope is an explicit key ({@link #INSTANCE} or the cooperative's id), never NULL, so the unique
 * key (scope, channel) holds on every database. The columns are stored in the catalog-sync JSON form, already
 * checked by {@link ColumnMapping#validated}.
 */
@Entity
@Table(name = "column_mapping")
public class SavedMapping {

    /** The scope key of the instance-wide mapping. */
    public static final String INSTANCE = "instance";

    @Id
    private String id;

    @Column(name = "scope_key")
    private String scopeKey;

    @Column(name = "cooperative_id")
    private String cooperativeId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Column(name = "columns_json")
    private String columnsJson;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    protected SavedMapping() {}

    /** @param cooperativeId the cooperative, or null for the instance-wide mapping */
    public SavedMapping(String cooperativeId, Channel channel, ColumnMapping mapping, String by, Instant at) {
        this.scopeKey = scopeOf(cooperativeId);
        this.id = idOf(cooperativeId, channel);
        this.cooperativeId = cooperativeId;
        this.channel = channel;
        replace(mapping, by, at);
    }

    public static String scopeOf(String cooperativeId) {
        return cooperativeId == null ? INSTANCE : cooperativeId;
    }

    public static String idOf(String cooperativeId, Channel channel) {
        return scopeOf(cooperativeId) + ":" + channel.cliName();
    }

    /** Another layout replaces this one. */
    public void replace(ColumnMapping mapping, String by, Instant at) {
        this.columnsJson = mapping.toJson();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public String getId() {
        return id;
    }

    public boolean isInstanceWide() {
        return cooperativeId == null;
    }

    public String getCooperativeId() {
        return cooperativeId;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getColumnsJson() {
        return columnsJson;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
