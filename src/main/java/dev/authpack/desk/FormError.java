package dev.authpack.desk;

/**
 * One problem of the case form in a clerk's words: {@code summary} names where it is ("Trial 2: end
 * date is before the start date"), {@code inline} stands beside the field, {@code anchor} is the
 * HTML id the summary links to.
 */
record FormError(String field, String anchor, String summary, String inline) {
}
