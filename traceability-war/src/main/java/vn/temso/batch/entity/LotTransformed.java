package vn.temso.batch.entity;

import java.util.List;

/**
 * A batch was made from other batches (paddy milled into rice, harvests blended into one lot): fired in the transaction
 * that created the output, after {@link LotRecorded}. Observed synchronously (CDI), e.g. by the EPCIS projection.
 */
public record LotTransformed(Batch output, List<BatchInput> inputs) {
    public LotTransformed {
        inputs = List.copyOf(inputs);
    }
}
