package vn.temso.cooperative.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import vn.temso.platform.domain.GlnField;
import vn.temso.platform.domain.InvalidField;
import vn.temso.platform.persistence.PublicContent;
import vn.temso.platform.security.Tenant;
import vn.temso.platform.text.Texts;

/**
 * The tenant: a producer (cooperative, group, company or household) that owns zones, products and batches.
 * The address is kept as given, with its commune also stored as a comparison key, because commune staff see
 * the cooperatives of their communes and administrative units get renamed and merged.
 */
@Entity
@EntityListeners(PublicContent.Listener.class) // trace pages cache what they show
@Table(name = "cooperative")
public class Cooperative implements Tenant {

    @Id
    @Column(length = 36)
    private String id;

    private String name;

    @Enumerated(EnumType.STRING)
    private CooperativeKind kind;

    @Column(name = "tax_id")
    private String taxId;

    /** The producer's GS1 Global Location Number (13 digits, check digit verified), or null. */
    private String gln;

    private String address;
    private String commune;

    @Column(name = "commune_key")
    private String communeKey;

    private String district;
    private String province;
    private String phone;
    private String email;
    private String representative;

    /**
     * The cooperative agreed to list its active OCOP products (3 stars or more) in the public commune and province
     * catalogue and feeds. False until its manager or an admin says so.
     */
    @Column(name = "catalog_consent")
    private boolean catalogConsent;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private int version;

    protected Cooperative() {}

    /** @throws InvalidField on {@code taxId} when it is not a Vietnamese tax id ({@link TaxId}) */
    public Cooperative(String name, CooperativeKind kind, String taxId, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.createdAt = createdAt;
        rename(name, kind);
        identify(taxId, null);
    }

    public void rename(String name, CooperativeKind kind) {
        this.name = Texts.clean(name);
        this.kind = kind;
    }

    /**
     * The identifiers a national-portal record names the producer by: the tax id (mã số thuế) and the GS1 GLN, either
     * or both (blank: none).
     *
     * @throws InvalidField on {@code taxId} or {@code gln} when one is malformed
     */
    public void identify(String taxId, String gln) {
        this.taxId = TaxId.normalize(taxId);
        this.gln = GlnField.validate("gln", gln);
    }

    public void locate(String address, String commune, String district, String province) {
        this.address = Texts.clean(address);
        this.commune = Texts.clean(commune);
        this.communeKey = Texts.key(commune);
        this.district = Texts.clean(district);
        this.province = Texts.clean(province);
    }

    public void contact(String phone, String email, String representative) {
        this.phone = Texts.clean(phone);
        this.email = Texts.clean(email);
        this.representative = Texts.clean(representative);
    }

    /** Gives or withdraws consent to the commune and province catalogue; returns whether it changed. */
    public boolean consentToCatalog(boolean consent) {
        boolean changed = this.catalogConsent != consent;
        this.catalogConsent = consent;
        return changed;
    }

    public boolean isCatalogConsent() {
        return catalogConsent;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public CooperativeKind getKind() {
        return kind;
    }

    public String getTaxId() {
        return taxId;
    }

    public String getGln() {
        return gln;
    }

    public String getAddress() {
        return address;
    }

    public String getCommune() {
        return commune;
    }

    public String getCommuneKey() {
        return communeKey;
    }

    public String getDistrict() {
        return district;
    }

    public String getProvince() {
        return province;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public String getRepresentative() {
        return representative;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getVersion() {
        return version;
    }
}
