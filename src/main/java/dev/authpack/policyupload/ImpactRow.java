package dev.authpack.policyupload;

/** One open case whose completeness an uploaded version changes: ids only, before and after. */
record ImpactRow(String caseId, String clinicId, ImpactVerdict before, ImpactVerdict after) {
}
