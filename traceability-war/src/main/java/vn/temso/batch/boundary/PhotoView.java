package vn.temso.batch.boundary;

import java.time.Instant;
import vn.temso.batch.entity.EntryPhoto;

/** A photo of a diary entry; {@code url} serves the stored JPEG; latitude and longitude only if kept. */
public record PhotoView(
        String id,
        String url,
        int width,
        int height,
        long size,
        Double latitude,
        Double longitude,
        String createdBy,
        Instant createdAt) {

    static PhotoView of(EntryPhoto p, String url) {
        return new PhotoView(
                p.getId(),
                url,
                p.getWidth(),
                p.getHeight(),
                p.getSize(),
                p.getLatitude(),
                p.getLongitude(),
                p.getCreatedBy(),
                p.getCreatedAt());
    }
}
