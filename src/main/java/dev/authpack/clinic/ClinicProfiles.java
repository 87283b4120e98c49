package dev.authpack.clinic;

import dev.authpack.audit.AuditAction;
import dev.authpack.audit.AuditLog;
import dev.authpack.casefile.Facility;
import dev.authpack.casefile.Prescriber;
import dev.authpack.core.NotFoundException;
import dev.authpack.core.Npi;
import dev.authpack.core.Tin;
import dev.authpack.security.Actor;
import dev.authpack.security.Actors;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's clinic profile: read for the case form, replaced from the profile page.
 * Always the caller's own clinic, so no clinic id ever comes from a request.
 */
@Service
public class ClinicProfiles {

    private final ClinicProfileRepository profiles;
    private final AuditLog audit;
    private final Clock clock;

    ClinicProfiles(ClinicProfileRepository profiles, AuditLog audit, Clock clock) {
        this.profiles = profiles;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a new case starts with; all empty until someone fills in the profile. */
    @Transactional(readOnly = true)
    public ClinicDefaults defaults() {
        CheckedProfile p = load();
        // a REMS healthcare-setting id is what makes the setting certified, so its presence answers the case's yes/no
        Facility facility = new Facility(p.facilityName(), p.facilityNpi() == null ? null : Npi.of(p.facilityNpi()),
                p.facilityTin() == null ? null : Tin.of(p.facilityTin()), p.facilityAddress(),
                p.remsSettingId() == null ? null : Boolean.TRUE);
        return new ClinicDefaults(facility, p.prescribers().stream()
                .map(e -> new Prescriber(e.name(), Npi.of(e.npi()), e.specialty(), e.phone(), e.fax())).toList(),
                p.feeCode(), p.feeUnits());
    }

    @Transactional(readOnly = true)
    CheckedProfile load() {
        return profiles.findById(clinicId()).map(ClinicProfileRecord::profile).orElse(CheckedProfile.EMPTY);
    }

    @Transactional
    void save(CheckedProfile profile) {
        String clinic = clinicId();
        ClinicProfileRecord record = profiles.findById(clinic).orElseGet(() -> new ClinicProfileRecord(clinic));
        record.replace(profile, Actors.current().username(), clock.instant());
        profiles.saveAndFlush(record);
        // in this transaction: the profile and its row are committed together or not at all
        audit.recordDetailWithWrite(AuditAction.CLINIC_PROFILE_CHANGED, "clinic " + clinic + ", "
                + profile.prescribers().size() + " prescriber(s)");
    }

    private static String clinicId() {
        Actor actor = Actors.current();
        if (actor.clinicId() == null) {
            // administrators belong to no clinic, so there is no profile of theirs to show
            throw new NotFoundException("clinic profile");
        }
        return actor.clinicId();
    }
}
