package vn.temso.batch.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import vn.temso.platform.persistence.PublicContent;
import vn.temso.platform.text.Texts;

/**
 * One line of a batch's genealogy: the output batch was made (milled, blended, packed) from the input batch, using
 * the quantity given if it was recorded. Written once, when the output batch is created, and never changed: a recall
 * of the input follows these lines to every batch made from it.
 */
@Entity
@EntityListeners(PublicContent.Listener.class) // trace pages may show where a lot came from
@Table(name = "batch_input")
public class BatchInput {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "output_batch_id")
    private Batch output;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "input_batch_id")
    private Batch input;

    private BigDecimal quantity;
    private String unit;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected BatchInput() {}

    BatchInput(Batch output, InputUse use, Instant recordedAt) {
        this.id = UUID.randomUUID().toString();
        this.output = output;
        this.input = use.batch();
        this.quantity = use.quantity();
        this.unit = Texts.clean(use.unit());
        this.recordedAt = recordedAt;
    }

    public String getId() {
        return id;
    }

    public Batch getOutput() {
        return output;
    }

    public Batch getInput() {
        return input;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public String getUnit() {
        return unit;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
