package vn.temso.stamping.control;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.batch.entity.Batch;
import vn.temso.label.layout.QrSymbol;
import vn.temso.platform.problem.Problems;
import vn.temso.stamping.entity.Stamp;

/** QR images of single stamps (for outside printers and for checking a stamp by eye). */
@ApplicationScoped
public class StampImages {

    @PersistenceContext
    EntityManager em;

    @Inject
    Stamps stamps;

    /** Q (25 % of the symbol can be damaged) suits stickers on produce packaging; H for harsher handling. */
    @Inject
    @ConfigProperty(name = "temso.stamp.qr-error-correction", defaultValue = "Q")
    String defaultLevel;

    public record Qr(byte[] png, int version, int modules, String level) {}

    @Transactional
    public Qr qr(String batchId, int seq, String level, int pixelsPerModule) {
        Batch b = stamps.withSignedStamps(batchId); // the QR code is the signed URL: members 403
        Stamp s = em.createQuery("SELECT s FROM Stamp s WHERE s.batch = :b AND s.seq = :q", Stamp.class)
                .setParameter("b", b)
                .setParameter("q", seq)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new Problems.NotFound("Stamp", "#" + seq));
        ErrorCorrectionLevel ec;
        try {
            ec = ErrorCorrectionLevel.valueOf(
                    (level == null ? defaultLevel : level).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Problems.ValidationFailed("ec", "ec is L, M, Q or H");
        }
        if (pixelsPerModule < 1 || pixelsPerModule > 40) {
            throw new Problems.ValidationFailed("px", "px (pixels per module) is 1 to 40");
        }
        // the URL exactly as issued (lower-case scheme and host): every phone camera recognises it as a link; the
        // same symbol as on the printed labels
        QrSymbol qr = QrSymbol.encode(s.getUrl(), ec);
        return new Qr(qr.toPng(pixelsPerModule), qr.version(), qr.size(), ec.name());
    }
}
