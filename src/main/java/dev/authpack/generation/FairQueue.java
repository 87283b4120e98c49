package dev.authpack.generation;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code permits} requests at work at once; the others wait, and the one to go next is the
 * one whose sender has the fewest requests in the service, oldest first among equals.
 *
 * <p>Why not first come, first served: one script or one busy desk sending fifty requests at once
 * would put every other person's click behind all fifty. Here a clerk with one request in the
 * service goes before the fiftieth request of someone else; among senders with one request each
 * it is plain arrival order. Why a bound at all: past a few requests per core, more at once only
 * slices the CPU and the database connections thinner, and everybody's answer gets later.
 */
final class FairQueue {

    /** A request's place: admitted (holding a permit) until {@link #pause} or {@link #leave}. */
    static final class Ticket {
        private final String sender;
        private final long arrival;
        private final int rank;
        private final Condition turn;
        private boolean admitted;
        private boolean holdsPermit;

        private Ticket(String sender, long arrival, int rank, Condition turn) {
            this.sender = sender;
            this.arrival = arrival;
            this.rank = rank;
            this.turn = turn;
        }
    }

    private final int permits;
    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Ticket> waiting = new PriorityQueue<>((a, b) -> a.rank != b.rank
            ? Integer.compare(a.rank, b.rank) : Long.compare(a.arrival, b.arrival));
    private final Map<String, Integer> inService = new HashMap<>();
    private int inUse;
    private long arrivals;

    FairQueue(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("at least one request must be allowed at once");
        }
        this.permits = permits;
    }

    /** Waits for a permit at most {@code maxWait}; null when none came in time (nothing is held then). */
    Ticket enter(String sender, long maxWait, TimeUnit unit) throws InterruptedException {
        lock.lock();
        try {
            int rank = inService.merge(sender, 1, Integer::sum);
            Ticket ticket = new Ticket(sender, arrivals++, rank, lock.newCondition());
            if (inUse < permits && waiting.isEmpty()) {
                inUse++;
                ticket.admitted = true;
                ticket.holdsPermit = true;
                return ticket;
            }
            waiting.add(ticket);
            long nanos = unit.toNanos(maxWait);
            try {
                while (!ticket.admitted) {
                    if (nanos <= 0) {
                        waiting.remove(ticket);
                        forget(sender);
                        return null;
                    }
                    nanos = ticket.turn.awaitNanos(nanos);
                }
            } catch (InterruptedException e) {
                if (ticket.admitted) {
                    leave(ticket);
                } else {
                    waiting.remove(ticket);
                    forget(sender);
                }
                throw e;
            }
            return ticket;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives the permit to the next request while this one only waits (for a document being rendered
     * on the generation pool): a parked request uses no CPU and must not hold a clerk's place.
     */
    void pause(Ticket ticket) {
        lock.lock();
        try {
            if (ticket.holdsPermit) {
                ticket.holdsPermit = false;
                handOver();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The request is answered: its permit (if it still holds one) goes to the next in line. */
    void leave(Ticket ticket) {
        lock.lock();
        try {
            forget(ticket.sender);
            if (ticket.holdsPermit) {
                ticket.holdsPermit = false;
                handOver();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Requests at work and waiting, for tests and the health of the gate. */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    private void handOver() {
        Ticket next = waiting.poll();
        if (next == null) {
            inUse--;
            return;
        }
        next.admitted = true;
        next.holdsPermit = true;
        next.turn.signal();
    }

    private void forget(String sender) {
        inService.computeIfPresent(sender, (k, n) -> n > 1 ? n - 1 : null);
    }
}
