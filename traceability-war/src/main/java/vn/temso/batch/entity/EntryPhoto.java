package vn.temso.batch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import vn.temso.platform.domain.ClientId;
import vn.temso.platform.persistence.PublicContent;

/**
 * A photo of a season diary entry, taken in the field. The image itself is in the file store ({@link #fileKey}),
 * resized and without the upload's metadata; the location is kept here only when the user chose to keep it.
 */
@Entity
@EntityListeners(PublicContent.Listener.class) // trace pages show the photos of the stages
@Table(name = "entry_photo")
public class EntryPhoto {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "season_entry_id")
    private SeasonEntry entry;

    private int width;
    private int height;

    @Column(name = "size_bytes")
    private long size;

    private Double latitude;
    private Double longitude;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    /** The uploading client's id for this photo, so that a resend stores no second copy; null on older photos. */
    @Column(name = "client_id", length = 36)
    private String clientId;

    protected EntryPhoto() {}

    /** @param latitude null unless the user chose to keep the location (then with {@code longitude}) */
    public EntryPhoto(
            SeasonEntry entry,
            int width,
            int height,
            long size,
            Double latitude,
            Double longitude,
            String createdBy,
            Instant createdAt,
            String clientId) {
        this.id = UUID.randomUUID().toString();
        this.entry = entry;
        this.width = width;
        this.height = height;
        this.size = size;
        this.latitude = latitude;
        this.longitude = longitude;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.clientId = ClientId.validate(clientId);
    }

    public String getClientId() {
        return clientId;
    }

    /** Where the image is in the file store. */
    public String fileKey() {
        return "photos/" + id;
    }

    public String getId() {
        return id;
    }

    public SeasonEntry getEntry() {
        return entry;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public long getSize() {
        return size;
    }

    public Double getLatitude() {
        return latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
