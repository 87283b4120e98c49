package dev.authpack.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The byte counter behind the large-body admission: bounded waits, no loss, and no request too large to run alone. */
@Isolated // waits a bounded time, measured on a clock (Surefire runs test classes two at a time)
class MemoryBudgetTest {

    @Test
    void aRequestLargerThanTheWholeBudgetIsAdmittedWhenAlone() throws Exception {
        MemoryBudget budget = new MemoryBudget(100);
        try (Reservation big = budget.reserve(1_000, 0, TimeUnit.MILLISECONDS)) {
            assertThat(big).isNotNull();
            assertThat(budget.held()).isEqualTo(100);
        }
        assertThat(budget.held()).isZero();
    }

    @Test
    void aRequestThatDoesNotFitWaitsAtMostTheBoundedWaitThenIsRefused() throws Exception {
        MemoryBudget budget = new MemoryBudget(100);
        try (Reservation held = budget.reserve(60, 0, TimeUnit.MILLISECONDS)) {
            long start = System.nanoTime();
            assertThat(budget.reserve(50, 100, TimeUnit.MILLISECONDS)).isNull();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(90L, 2_000L);
            assertThat(budget.reserve(40, 0, TimeUnit.MILLISECONDS)).as("what still fits goes in").isNotNull();
        }
    }

    @Test
    void aWaitingRequestGoesInAsSoonAsAShareIsGivenBack() throws Exception {
        MemoryBudget budget = new MemoryBudget(100);
        Reservation first = budget.reserve(100, 0, TimeUnit.MILLISECONDS);
        CompletableFuture<Reservation> second = CompletableFuture.supplyAsync(() -> {
            try {
                return budget.reserve(100, 5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        first.close();
        first.close(); // closing twice gives back once
        assertThat(second.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(budget.held()).isEqualTo(100);
    }

    @Test
    void aShareThatWouldNotFitBesideTheLiveHeapIsRefusedEvenWhenTheBudgetIsFree() throws Exception {
        MemoryBudget budget = new MemoryBudget(100, wanted -> 30);
        assertThat(budget.reserve(50, 0, TimeUnit.MILLISECONDS)).isNull();
        assertThat(budget.held()).as("the refused share is given back").isZero();
        assertThat(budget.reserve(30, 0, TimeUnit.MILLISECONDS)).isNotNull();
    }
}
