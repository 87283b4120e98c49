package dev.authpack.authorization;

/** How a request reached the payer. */
enum Channel {
    FAX, PORTAL, FHIR, PHONE, MAIL
}
