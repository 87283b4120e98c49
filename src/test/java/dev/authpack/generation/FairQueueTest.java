package dev.authpack.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Who goes next when every permit is taken; waiting is observed through the queue, never by timing. */
@Isolated // waits a bounded time, measured on a clock (Surefire runs test classes two at a time)
class FairQueueTest {

    final ExecutorService senders = Executors.newCachedThreadPool();
    final List<String> admitted = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        senders.shutdownNow();
    }

    /** Queues a request of {@code sender} that records its admission and leaves at once; returns when it waits. */
    private void queue(FairQueue queue, String sender, String label) throws InterruptedException {
        int before = queue.waiting();
        senders.submit(() -> {
            FairQueue.Ticket t = queue.enter(sender, 10, TimeUnit.SECONDS);
            admitted.add(label);
            queue.leave(t);
            return null;
        });
        while (queue.waiting() == before) {
            Thread.sleep(1);
        }
    }

    private void awaitAdmitted(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (admitted.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    @Test
    void aClerkWaitsForOneRequestOfABusySenderNotForAllOfThem() throws Exception {
        FairQueue queue = new FairQueue(1);
        FairQueue.Ticket held = queue.enter("script", 1, TimeUnit.SECONDS);
        queue(queue, "script", "script-2");
        queue(queue, "script", "script-3");
        queue(queue, "script", "script-4");
        queue(queue, "clerk", "clerk-1");

        queue.leave(held);
        awaitAdmitted(4);

        assertThat(admitted).as("the lines take turns, each in arrival order")
                .containsExactly("script-2", "clerk-1", "script-3", "script-4");
    }

    @Test
    void amongSendersWithOneRequestEachTheFirstToArriveGoesFirst() throws Exception {
        FairQueue queue = new FairQueue(1);
        FairQueue.Ticket held = queue.enter("a", 1, TimeUnit.SECONDS);
        queue(queue, "b", "b");
        queue(queue, "c", "c");
        queue(queue, "d", "d");

        queue.leave(held);
        awaitAdmitted(3);

        assertThat(admitted).containsExactly("b", "c", "d");
    }

    @Test
    void aRequestThatWaitsLongerThanAllowedGetsNoPlaceAndHoldsNothing() throws Exception {
        FairQueue queue = new FairQueue(1);
        FairQueue.Ticket held = queue.enter("a", 1, TimeUnit.SECONDS);

        assertThat(queue.enter("b", 20, TimeUnit.MILLISECONDS)).isNull();
        assertThat(queue.waiting()).isZero();

        queue.leave(held);
        assertThat(queue.enter("b", 0, TimeUnit.MILLISECONDS)).as("the freed permit is there at once").isNotNull();
    }

    @Test
    void aRequestThatOnlyWaitsForItsDocumentGivesItsPlaceToTheNext() throws Exception {
        FairQueue queue = new FairQueue(1);
        FairQueue.Ticket packet = queue.enter("a", 1, TimeUnit.SECONDS);
        queue(queue, "b", "b");

        queue.pause(packet);
        awaitAdmitted(1);
        queue.leave(packet);

        assertThat(admitted).containsExactly("b");
        assertThat(queue.enter("c", 0, TimeUnit.MILLISECONDS)).as("leaving after a pause frees nothing twice")
                .isNotNull();
        assertThat(queue.enter("d", 0, TimeUnit.MILLISECONDS)).isNull();
    }
}
