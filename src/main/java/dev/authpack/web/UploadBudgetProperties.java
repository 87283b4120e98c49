package dev.authpack.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The heap budget for large request bodies ({@code authpack.uploads.*}): how much, how long a request
 * waits for its share, and the heap each kind of body needs per byte sent (measured on the production
 * JVM setting: docs/performance.md, "Large request bodies").
 *
 * @param memoryBudget     heap that large bodies may hold at once; 0 (the default) means {@link #DEFAULT_SHARE}
 *                         of the JVM's maximum heap
 * @param maxWait          how long a request waits for its share before it is answered busy
 * @param retryAfter       what that answer tells the client to wait before trying again
 * @param fhirFactor       heap per byte of a FHIR bundle being imported
 * @param attachmentFactor heap per byte of an uploaded PDF being cleaned and stored
 * @param policyFactor     heap per byte of a policy YAML file being read and checked
 */
@ConfigurationProperties("authpack.uploads")
record UploadBudgetProperties(DataSize memoryBudget, Duration maxWait, Duration retryAfter, double fhirFactor,
                              double attachmentFactor, double policyFactor) {

    /** Leaves the rest of the heap to packet generation, sessions and ordinary requests. */
    static final double DEFAULT_SHARE = 0.5;

    @ConstructorBinding
    UploadBudgetProperties(@DefaultValue("0") DataSize memoryBudget, @DefaultValue("10s") Duration maxWait,
                           @DefaultValue("5s") Duration retryAfter, @DefaultValue("6") double fhirFactor,
                           @DefaultValue("8") double attachmentFactor, @DefaultValue("40") double policyFactor) {
        this.memoryBudget = memoryBudget;
        this.maxWait = maxWait;
        this.retryAfter = retryAfter;
        this.fhirFactor = fhirFactor;
        this.attachmentFactor = attachmentFactor;
        this.policyFactor = policyFactor;
    }

    long budgetBytes() {
        return memoryBudget.toBytes() > 0 ? memoryBudget.toBytes()
                : (long) (Runtime.getRuntime().maxMemory() * DEFAULT_SHARE);
    }
}
