/**
 * A bounded pool for CPU-heavy document generation, so interactive requests stay quick while packets
 * and estimates are made: {@link dev.authpack.generation.GenerationPool#run} runs the rendering on one
 * of {@code authpack.generation.threads} threads (default: cores − 1, at least one); beyond
 * {@code authpack.generation.queue} waiting generations a request waits at most
 * {@code authpack.generation.max-wait} and is then answered 503 problem+json with {@code Retry-After}.
 * Used by packet and estimate; depends on no feature.
 */
package dev.authpack.generation;
