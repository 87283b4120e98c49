package dev.authpack.completeness;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One criterion's verdict, worded for a payer's reviewer. {@code fixField} is the case field a user
 * edits to change the verdict (the web checklist links to it); {@code evidence} lists the facts
 * weighed, e.g. one line per medication trial, and is written even when empty (the contract names the
 * member, so a client reads {@code criteria[i].evidence} of any criterion). {@code finding} is the verdict's sentence, and
 * {@code advice} (usually null) what the clinic can do about it: the clinic reads both as the
 * {@link #detail()}, the payer only the finding ({@link #forPayer()}).
 */
@JsonPropertyOrder({"id", "label", "status", "detail", "evidence", "fixField"})
public record CriterionResult(CriterionId id, CriterionStatus status, @JsonIgnore String finding,
                              @JsonInclude(JsonInclude.Include.ALWAYS) List<String> evidence,
                              String fixField, @JsonIgnore String advice) {

    public CriterionResult {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    static CriterionResult met(CriterionId id, String detail, String fixField) {
        return new CriterionResult(id, CriterionStatus.MET, detail, List.of(), fixField, null);
    }

    static CriterionResult notMet(CriterionId id, String detail, String fixField) {
        return new CriterionResult(id, CriterionStatus.NOT_MET, detail, List.of(), fixField, null);
    }

    static CriterionResult missing(CriterionId id, String detail, String fixField) {
        return new CriterionResult(id, CriterionStatus.MISSING, detail, List.of(), fixField, null);
    }

    static CriterionResult of(CriterionId id, boolean met, String detail, String fixField) {
        return met ? met(id, detail, fixField) : notMet(id, detail, fixField);
    }

    CriterionResult withEvidence(List<String> lines) {
        return new CriterionResult(id, status, finding, lines, fixField, advice);
    }

    CriterionResult withAdvice(String forTheClinic) {
        return new CriterionResult(id, status, finding, evidence, fixField, forTheClinic);
    }

    /** The sentence the clinic reads (case page, API): the finding, then the advice when there is one. */
    @JsonProperty("detail")
    public String detail() {
        return advice == null ? finding : finding + ". " + advice;
    }

    /**
     * This verdict as the packet and the appeal print it for a payer's reviewer: without the advice
     * meant for the clinic, and without the JSON paths the API's sentences name some case fields by,
     * which a reviewer cannot read (see {@link PayerWording}).
     */
    public CriterionResult forPayer() {
        return new CriterionResult(id, status, PayerWording.of(finding),
                evidence.stream().map(PayerWording::of).toList(), fixField, null);
    }

    /** The contract's fixed label, e.g. "Failed antidepressant trials". */
    @JsonProperty("label")
    public String label() {
        return id.label();
    }

    @JsonIgnore
    public boolean isMet() {
        return status == CriterionStatus.MET;
    }
}
