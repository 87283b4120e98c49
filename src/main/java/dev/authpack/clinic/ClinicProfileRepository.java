package dev.authpack.clinic;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClinicProfileRepository extends JpaRepository<ClinicProfileRecord, String> {
}
