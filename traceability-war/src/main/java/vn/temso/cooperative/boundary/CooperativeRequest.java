package vn.temso.cooperative.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.temso.cooperative.control.CooperativeCommand;
import vn.temso.cooperative.entity.CooperativeKind;

/** Create or replace a cooperative's details. */
public record CooperativeRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull CooperativeKind kind,

        @Pattern(regexp = "\\d{10}(-?\\d{3})?", message = "tax id is 10 digits, or 10 digits, '-' and 3 digits")
        String taxId,

        @Pattern(regexp = "\\d{13}", message = "a GLN is 13 digits")
        String gln,

        @Size(max = 500) String address,
        @NotBlank @Size(max = 120) String commune,
        @Size(max = 120) String district,
        @Size(max = 120) String province,
        @Size(max = 40) String phone,
        @Email @Size(max = 200) String email,
        @Size(max = 200) String representative,
        Boolean catalogConsent) {
    // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner fails
    public CooperativeRequest(
            String name,
            CooperativeKind kind,
            String taxId,
            String gln,
            String address,
            String commune,
            String district,
            String province,
            String phone,
            String email,
            String representative,
            Boolean catalogConsent) {
        this.name = name;
        this.kind = kind;
        this.taxId = taxId;
        this.gln = gln;
        this.address = address;
        this.commune = commune;
        this.district = district;
        this.province = province;
        this.phone = phone;
        this.email = email;
        this.representative = representative;
        this.catalogConsent = catalogConsent;
    }

    public CooperativeCommand toCommand() {
        return new CooperativeCommand(
                name,
                kind,
                taxId,
                gln,
                address,
                commune,
                district,
                province,
                phone,
                email,
                representative,
                catalogConsent);
    }
}
