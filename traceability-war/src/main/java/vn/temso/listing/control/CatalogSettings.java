package vn.temso.listing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.platform.text.Texts;

/** Configuration of the commune and province catalogue (keys in docs/operations.md). */
@ApplicationScoped
public class CatalogSettings {

    /** The province the instance serves, as shown in titles; unset: the one all consenting cooperatives name. */
    @Inject
    @ConfigProperty(name = "temso.catalog.province")
    Optional<String> province;

    @Inject
    AreaFeeds areas;

    /** The province's name for titles, or null when neither configured nor shared by the cooperatives. */
    public String provinceName() {
        return province.map(Texts::clean).orElseGet(areas::provinceOfCooperatives);
    }
}
