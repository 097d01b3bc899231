package vn.temso.product.control;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.temso.platform.cache.Bounded;
import vn.temso.platform.files.FileStore;
import vn.temso.platform.files.StoredFile;
import vn.temso.platform.problem.Problems;
import vn.temso.product.entity.Product;

/**
 * Product images, kept in the file store under {@code images/<product id>} (so every instance serves them) and
 * served publicly at {@code /images/<product id>}: they appear on trace pages. The bytes of a version never change
 * (a new upload is a new version), so they are cached by version without any invalidation, bounded in entries and
 * bytes: a busy trace page's image costs one primary-key lookup, not a read of its chunks.
 */
@ApplicationScoped
public class ProductImages {

    public static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/webp");
    public static final long MAX_BYTES = 2_000_000;
    static final int CACHED_IMAGES = 500;
    static final long CACHED_BYTES = 64L * 1024 * 1024;

    private final Cache<String, byte[]> bytesByVersion = Bounded.<String, byte[]>builder(
                    CACHED_IMAGES, CACHED_BYTES, (version, bytes) -> 100 + bytes.length)
            .build();

    @Inject
    Products products;

    @Inject
    FileStore files;

    public static String key(String productId) {
        return "images/" + productId;
    }

    /** The stored image of a product, if it has one. */
    public Optional<StoredFile> find(String productId) {
        return files.find(key(productId));
    }

    /** The bytes of a stored image version (at most 2 MB), from memory when read before. */
    public byte[] bytes(StoredFile image) {
        byte[] cached = bytesByVersion.getIfPresent(image.version());
        if (cached != null) {
            return cached;
        }
        try (InputStream in = files.open(image)) {
            byte[] read = in.readAllBytes();
            bytesByVersion.put(image.version(), read);
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores the image of a product the caller manages (replacing any earlier one) and points the product at it.
     * The size is counted while streaming, so a body without a length cannot exceed the limit either.
     */
    public Product store(String productId, String contentType, InputStream in) {
        products.manageable(productId);
        String type =
                contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new Problems.ValidationFailed("image", "PNG, JPEG or WebP, at most 2 MB");
        }
        try (FileStore.Upload upload = files.create(key(productId), type)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > MAX_BYTES) {
                    throw new Problems.ValidationFailed("image", "PNG, JPEG or WebP, at most 2 MB");
                }
                upload.stream().write(buffer, 0, n);
            }
            if (total == 0) {
                throw new Problems.ValidationFailed("image", "The image is empty");
            }
            upload.commit();
        } catch (IOException e) {
            throw new Problems.ValidationFailed("image", "The image could not be stored");
        }
        return products.imageStored(productId, "/images/" + productId);
    }
}
