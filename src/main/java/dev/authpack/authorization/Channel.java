package dev.authpack.authorization;

/** How a request reached the payer. */
public enum Channel {
    FAX, PORTAL, FHIR, PHONE, MAIL
}
