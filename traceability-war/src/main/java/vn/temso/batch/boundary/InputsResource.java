package vn.temso.batch.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.temso.batch.control.InputSuggestion;
import vn.temso.batch.control.Inputs;
import vn.temso.batch.entity.BannedIngredients;

/** Inputs to choose from while writing the diary, banned active ingredients flagged. */
@Path("inputs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inputs", description = "Pesticides and fertilisers for the diary; banned active ingredients flagged")
public class InputsResource {

    @Inject
    Inputs inputs;

    /** The list of banned ingredients as the data file gives it, with its source. */
    public record BannedList(BannedIngredients.Source source, List<BannedIngredients.Ingredient> ingredients) {}

    @GET
    @Operation(
            summary = "Suggest inputs for a diary entry",
            description = "q: what was typed (matched on the start of words, accents and case aside). Inputs the"
                    + " cooperative wrote before come first, each with the pre-harvest interval it gave last for it"
                    + " (to pre-fill); then banned active ingredients matching q, with banned=true and the reason."
                    + " A diary entry whose inputName names a banned ingredient is refused (400 on inputName)."
                    + " Admins and commune staff name the cooperative with cooperativeId. At most 20.")
    public List<InputSuggestion> suggest(@QueryParam("q") String q, @QueryParam("cooperativeId") String coop) {
        return inputs.suggest(q == null || q.length() <= 100 ? q : q.substring(0, 100), coop);
    }

    @GET
    @Path("banned")
    @Operation(summary = "The active ingredients banned in Vietnam, with the source and date of the list")
    public BannedList banned() {
        return new BannedList(BannedIngredients.source(), BannedIngredients.all());
    }
}
