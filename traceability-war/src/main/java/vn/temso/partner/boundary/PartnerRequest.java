package vn.temso.partner.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.temso.partner.control.Partners;
import vn.temso.partner.entity.PartnerKind;

/** Issue an API key for a partner of a cooperative (admins name the cooperative; a manager's is their own). */
public record PartnerRequest(
        String cooperativeId,
        @NotBlank @Size(max = 200) String name,
        @NotNull PartnerKind kind,
        @Size(max = 20) String gln) {
    // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner fails
    public PartnerRequest(String cooperativeId, String name, PartnerKind kind, String gln) {
        this.cooperativeId = cooperativeId;
        this.name = name;
        this.kind = kind;
        this.gln = gln;
    }

    Partners.NewPartner toCommand() {
        return new Partners.NewPartner(cooperativeId, name, kind, gln);
    }
}
