package vn.temso.portal.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import vn.temso.batch.entity.BatchInput;
import vn.temso.batch.entity.DiaryEntryAdded;
import vn.temso.batch.entity.LotRecalled;
import vn.temso.batch.entity.LotRecorded;
import vn.temso.batch.entity.LotTransformed;
import vn.temso.cooperative.entity.CooperativeChanged;
import vn.temso.product.entity.ProductChanged;
import vn.temso.stamping.entity.StampsVoided;
import vn.temso.stamping.entity.StampsWritten;
import vn.temso.zone.entity.ZoneChanged;

/**
 * Marks the lots whose portal records a fact may change, in the transaction that records the fact (the same facts the
 * EPCIS projection observes, and changes of products, cooperatives and zones). Nothing is built here: the scheduler
 * builds marked records in the background, so a fact never waits for one. With the portal off, nothing is marked
 * (turning it on marks every lot at the next start).
 */
@ApplicationScoped
public class PortalFacts {

    @Inject
    PortalLots lots;

    @Inject
    PortalSettings settings;

    void lot(@Observes LotRecorded fact) {
        if (settings.enabled()) {
            lots.recorded(fact.batch());
        }
    }

    /** The inputs' records name the processing too (their class is in the transformation). */
    void transformed(@Observes LotTransformed fact) {
        if (settings.enabled()) {
            fact.inputs().stream().map(BatchInput::getInput).forEach(b -> lots.mark(b.getId()));
        }
    }

    void recalled(@Observes LotRecalled fact) {
        if (settings.enabled()) {
            lots.mark(fact.batch().getId());
        }
    }

    void diary(@Observes DiaryEntryAdded fact) {
        if (settings.enabled()) {
            lots.mark(fact.entry().getBatch().getId());
        }
    }

    void stamps(@Observes StampsWritten fact) {
        if (settings.enabled()) {
            lots.mark(fact.batch().getId());
        }
    }

    void voided(@Observes StampsVoided fact) {
        if (settings.enabled()) {
            lots.mark(fact.batch().getId());
        }
    }

    void product(@Observes ProductChanged fact) {
        if (settings.enabled()) {
            lots.markProduct(fact.product().getId());
        }
    }

    void cooperative(@Observes CooperativeChanged fact) {
        if (settings.enabled()) {
            lots.markCooperative(fact.cooperative().getId());
        }
    }

    void zone(@Observes ZoneChanged fact) {
        if (settings.enabled()) {
            lots.markZone(fact.zone().getId());
        }
    }
}
