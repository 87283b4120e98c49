package dev.authpack.clinic;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored clinic profile, one row per clinic with its prescribers beside it. Never bound from a
 * request: {@link ClinicProfiles} fills it from a checked {@link ProfileForm}. Values are kept as
 * the text the value types print (an NPI, a TIN), already validated on the way in. Read back
 * unchecked: a row saved before a rule existed (a foreign fax) still opens, and its next save names it.
 */
@Entity
@Table(name = "clinic_profiles")
class ClinicProfileRecord {

    @Id
    @Column(name = "clinic_id")
    private String clinicId;
    @Column(name = "facility_name")
    private String facilityName;
    @Column(name = "facility_npi")
    private String facilityNpi;
    @Column(name = "facility_tin")
    private String facilityTin;
    @Column(name = "facility_address")
    private String facilityAddress;
    @Column(name = "rems_setting_id")
    private String remsSettingId;
    @Column(name = "fee_code")
    private String feeCode;
    @Column(name = "fee_units")
    private Integer feeUnits;
    @Version
    private long version;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    // small (a clinic's prescribers) and always shown with the profile, hence eager
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "clinic_prescribers", joinColumns = @JoinColumn(name = "clinic_id"))
    @OrderColumn(name = "list_index")
    private List<PrescriberEntry> prescribers = new ArrayList<>();

    protected ClinicProfileRecord() {
    }

    ClinicProfileRecord(String clinicId) {
        this.clinicId = clinicId;
    }

    void replace(CheckedProfile p, String user, Instant now) {
        facilityName = p.facilityName();
        facilityNpi = p.facilityNpi();
        facilityTin = p.facilityTin();
        facilityAddress = p.facilityAddress();
        remsSettingId = p.remsSettingId();
        feeCode = p.feeCode();
        feeUnits = p.feeUnits();
        prescribers.clear();
        prescribers.addAll(p.prescribers());
        updatedBy = user;
        updatedAt = now;
    }

    CheckedProfile profile() {
        return new CheckedProfile(facilityName, facilityNpi, facilityTin, facilityAddress, remsSettingId, feeCode,
                feeUnits, List.copyOf(prescribers));
    }

    String updatedBy() {
        return updatedBy;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
