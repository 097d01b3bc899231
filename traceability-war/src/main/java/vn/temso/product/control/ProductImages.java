package vn.temso.product.control;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.platform.cache.Bounded;
import vn.temso.platform.files.FileStore;
import vn.temso.platform.files.StoredFile;
import vn.temso.product.control.ImageRefused.Rule;
import vn.temso.product.entity.Product;

/**
 * Product images in the file store (so every instance serves them): the upload as it came, under
 * {@code images/<product id>}, never served (it may carry EXIF and GPS data); and the JPEG sizes made from it once, at
 * upload ({@link ImageSizes}), under {@code images/<product id>/<px>.jpg}, served publicly at
 * {@code /images/<product id>/<px>.jpg} (trace pages, marketplace feeds). The sizes are written before the upload, so
 * a reader never finds an upload without its sizes, except one stored by a version before sizes existed: its sizes
 * are made on the first request for one of them (one image at a time, once; an image that cannot be read is not
 * tried again while this instance runs).
 *
 * <p>The bytes of a stored version never change (a new upload is a new version), so they are cached by version
 * without any invalidation, bounded in entries and bytes: a busy trace page's image costs one primary-key lookup.
 */
@ApplicationScoped
public class ProductImages {

    public static final long MAX_BYTES = 2_000_000;
    static final int CACHED_IMAGES = 500;
    static final long CACHED_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(ProductImages.class.getName());

    private final Cache<String, byte[]> bytesByVersion = Bounded.<String, byte[]>builder(
                    CACHED_IMAGES, CACHED_BYTES, (version, bytes) -> 100 + bytes.length)
            .build();

    /** Versions of earlier uploads whose sizes could not be made: not decoded again at every request. */
    private final Cache<String, Boolean> unreadable = Bounded.<String, Boolean>builder(
                    1_000, 1_000_000, (version, flag) -> 100)
            .build();

    /** Sizes of earlier uploads are made one image at a time: a burst of first requests costs one core. */
    private final Semaphore making = new Semaphore(1);

    @Inject
    Products products;

    @Inject
    FileStore files;

    /** Where the upload itself is kept (never served). */
    public static String key(String productId) {
        return "images/" + productId;
    }

    /** Where the JPEG of one size is kept. */
    static String key(String productId, int px) {
        return "images/" + productId + "/" + px + ".jpg";
    }

    /** The path a product's image is served at (the largest size): what {@link Product#getImageUrl()} holds. */
    public static String url(String productId) {
        return "/images/" + productId + "/" + ImageSizes.SIZES.get(0) + ".jpg";
    }

    /**
     * The stored JPEG of a product in one of {@link ImageSizes#SIZES}; empty for another size, an unknown product
     * or one without an image. Made now from the upload when an earlier version stored it without sizes.
     */
    public Optional<StoredFile> find(String productId, int px) {
        if (!ImageSizes.SIZES.contains(px)) {
            return Optional.empty();
        }
        Optional<StoredFile> sized = files.find(key(productId, px));
        return sized.isPresent() ? sized : madeFromEarlierUpload(productId, px);
    }

    private Optional<StoredFile> madeFromEarlierUpload(String productId, int px) {
        Optional<StoredFile> upload = files.find(key(productId));
        if (upload.isEmpty() || unreadable.getIfPresent(upload.get().version()) != null) {
            return Optional.empty();
        }
        making.acquireUninterruptibly();
        try {
            Optional<StoredFile> sized = files.find(key(productId, px)); // made while this request waited
            if (sized.isPresent()) {
                return sized;
            }
            ImageSizes.Prepared prepared = ImageSizes.prepare(bytes(upload.get()), false);
            Optional<StoredFile> now = files.find(key(productId));
            if (now.isEmpty() || !now.get().version().equals(upload.get().version())) {
                return files.find(key(productId, px)); // replaced meanwhile: the new upload wrote its own sizes
            }
            writeSizes(productId, prepared.jpegs());
            LOG.info(() -> "Made the image sizes of product " + productId + " from its earlier upload");
            return files.find(key(productId, px));
        } catch (ImageRefused e) {
            LOG.log(Level.WARNING, "The stored image of product {0} cannot be served: {1}", new Object[] {
                productId, e.getMessage()
            });
            unreadable.put(upload.get().version(), Boolean.TRUE);
            return Optional.empty();
        } finally {
            making.release();
        }
    }

    /** The bytes of a stored version (at most 2 MB), from memory when read before. */
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
     * The size is counted while reading, so a body without a length cannot exceed the limit either. The declared
     * Content-Type is not trusted: the bytes say what the image is ({@link ImageSizes}).
     *
     * @throws ImageRefused naming the upload rule it breaks
     */
    public Product store(String productId, InputStream in) {
        products.manageable(productId);
        byte[] upload = read(in);
        return store(productId, upload, ImageSizes.prepare(upload, true));
    }

    /**
     * As {@link #store(String, InputStream)} with an upload already read and checked ({@link #read},
     * {@link ImageSizes#prepare}): a form checks the image before it saves the rest of the product.
     */
    public Product store(String productId, byte[] upload, ImageSizes.Prepared prepared) {
        products.manageable(productId);
        write(productId, upload, prepared);
        return products.imageStored(productId, url(productId));
    }

    /** An upload of at most {@link #MAX_BYTES}, counted while reading (a body without a length too). */
    public static byte[] read(InputStream in) {
        byte[] upload;
        try {
            upload = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ImageRefused(Rule.UNREADABLE, "The image could not be received");
        }
        if (upload.length > MAX_BYTES) {
            throw new ImageRefused(
                    Rule.TOO_LARGE, "An image is at most " + MAX_BYTES / 1_000_000 + " MB", MAX_BYTES / 1_000_000);
        }
        return upload;
    }

    /**
     * Checks an image (the same rules as an upload), stores it and its sizes for a product, and returns the path
     * the product's imageUrl takes. No tenancy check: for the callers that already made it, and the demo data.
     */
    public String keep(String productId, byte[] image) {
        write(productId, image, ImageSizes.prepare(image, true));
        return url(productId);
    }

    private void write(String productId, byte[] upload, ImageSizes.Prepared prepared) {
        writeSizes(productId, prepared.jpegs());
        try {
            files.write(key(productId), prepared.format().contentType(), out -> out.write(upload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeSizes(String productId, Map<Integer, byte[]> jpegs) {
        try {
            for (Map.Entry<Integer, byte[]> size : jpegs.entrySet()) {
                files.write(key(productId, size.getKey()), "image/jpeg", out -> out.write(size.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
