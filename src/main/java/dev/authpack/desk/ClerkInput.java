package dev.authpack.desk;

import dev.authpack.core.TypedIdentifier;
import dev.authpack.core.UsPhone;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a billing clerk types, in the ways people write it on paper ({@code $1,500.00}, {@code 20 %},
 * {@code 1234-567-893}, {@code (555) 123-4567}), turned into the plain form the case format reads
 * ({@code 1500.00}, {@code 20}, {@code 1234567893}, {@code 555-123-4567}). Only the web form uses it:
 * the API keeps the contract's strict JSON. Pure, so every accepted and refused form sits in one table test.
 * Range rules (0–100, the NPI check digit) stay with the case's own validation, which words them.
 * The phone rule is {@link UsPhone}'s, shared with the clinic profile whose prescribers fill this form.
 */
final class ClerkInput {

    enum Kind { MONEY, PERCENT, NPI, TIN, PHONE }

    /** The normalised text, or the message key of what to type instead. */
    record Result(String value, String refusal) {

        static Result accepted(String value) {
            return new Result(value, null);
        }

        static Result refused(Kind kind) {
            return new Result(null, "input." + kind.name().toLowerCase(java.util.Locale.ROOT));
        }

        boolean accepted() {
            return refusal == null;
        }
    }

    /** The fields (by path without row numbers) typed in one of these ways. */
    private static final Map<String, Kind> FIELDS = Map.ofEntries(
            Map.entry("coverage.deductibleRemaining", Kind.MONEY),
            Map.entry("coverage.copayPerSession", Kind.MONEY),
            Map.entry("coverage.oopRemaining", Kind.MONEY),
            Map.entry("request.lines.chargePerUnit", Kind.MONEY),
            Map.entry("request.lines.allowedPerUnit", Kind.MONEY),
            Map.entry("coverage.coinsurancePct", Kind.PERCENT),
            Map.entry("medicationTrials.improvementPct", Kind.PERCENT),
            Map.entry("medicationTrials.adherencePct", Kind.PERCENT),
            Map.entry("request.priorEsketamineImprovementPct", Kind.PERCENT),
            Map.entry("prescriber.npi", Kind.NPI),
            Map.entry("facility.npi", Kind.NPI),
            Map.entry("prescriber.consultingPsychiatrist.npi", Kind.NPI),
            Map.entry("facility.tin", Kind.TIN),
            Map.entry("prescriber.phone", Kind.PHONE),
            Map.entry("prescriber.fax", Kind.PHONE));

    // thousands separators only in groups of three: "1,45" is a typo, not 145 or 1.45
    private static final Pattern MONEY = Pattern.compile("(-?)\\$?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?");
    private static final Pattern PERCENT = Pattern.compile("([-+]?)(\\d+(?:\\.\\d+)?)\\s*%?");
    private static final Pattern DIGITS_WITH_SEPARATORS = Pattern.compile("[\\d\\s.-]+");

    private ClerkInput() {
    }

    /**
     * The form's values with every amount, percentage, NPI, TIN and phone normalised; a value that
     * cannot be read is left out and its field put in {@code refused} with the sentence key to show.
     */
    static Map<String, String> normaliseAll(Map<String, String> values, Map<String, String> refused) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        values.forEach((path, typed) -> {
            Result r = kindOf(path).map(kind -> normalise(kind, typed)).orElse(Result.accepted(typed));
            if (r.accepted()) {
                out.put(path, r.value());
            } else {
                refused.put(path, r.refusal());
            }
        });
        return out;
    }

    static Optional<Kind> kindOf(String path) {
        return Optional.ofNullable(FIELDS.get(path.replaceAll("\\[\\d+\\]", "")));
    }

    static Result normalise(Kind kind, String typed) {
        String text = typed.strip();
        if (text.isEmpty()) {
            return Result.accepted("");
        }
        if (kind == Kind.NPI || kind == Kind.TIN || kind == Kind.PHONE) {
            // pasted with fullwidth digits, a no-break space or a non-breaking hyphen: the number it looks like
            Optional<String> plain = TypedIdentifier.of(text);
            if (plain.isEmpty()) {
                return Result.refused(kind);
            }
            text = plain.get();
        }
        String value = switch (kind) {
            case MONEY -> money(text);
            case PERCENT -> percent(text);
            case NPI -> digits(text, 10);
            case TIN -> tin(text);
            case PHONE -> UsPhone.normalise(text).orElse(null);
        };
        return value == null ? Result.refused(kind) : Result.accepted(value);
    }

    private static String money(String text) {
        Matcher m = MONEY.matcher(text);
        return m.matches() ? m.group(1) + m.group(2).replace(",", "") + (m.group(3) == null ? "" : m.group(3)) : null;
    }

    private static String percent(String text) {
        Matcher m = PERCENT.matcher(text);
        return m.matches() ? (m.group(1).equals("-") ? "-" : "") + m.group(2) : null;
    }

    /** Exactly {@code count} digits, however spaced, dashed or dotted; null otherwise. */
    private static String digits(String text, int count) {
        if (!DIGITS_WITH_SEPARATORS.matcher(text).matches()) {
            return null;
        }
        String digits = text.replaceAll("\\D", "");
        return digits.length() == count ? digits : null;
    }

    private static String tin(String text) {
        String digits = digits(text, 9);
        return digits == null ? null : digits.substring(0, 2) + "-" + digits.substring(2);
    }
}
