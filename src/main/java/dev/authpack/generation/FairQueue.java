package dev.authpack.generation;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code permits} requests at work at once; the others wait in one line per sender, and
 * the lines take turns (round robin), each in arrival order.
 *
 * <p>Why not one line, first come, first served: one script or one busy desk sending fifty requests
 * at once would put every other person's click behind all fifty. Here a clerk's request waits for
 * at most one request of each other sender with requests waiting. Why a bound at all: past a few
 * requests per core, more at once only slices the CPU and the database connections thinner, and
 * everybody's answer gets later.
 */
final class FairQueue {

    /** A request's place: admitted (holding a permit) until {@link #pause} or {@link #leave}. */
    static final class Ticket {
        private final String sender;
        private final Condition turn;
        private boolean admitted;
        private boolean holdsPermit;

        private Ticket(String sender, Condition turn) {
            this.sender = sender;
            this.turn = turn;
        }
    }

    private final int permits;
    private final ReentrantLock lock = new ReentrantLock();
    /** Senders with requests waiting, in the order of their next turn, each with its own line. */
    private final Map<String, ArrayDeque<Ticket>> lines = new LinkedHashMap<>();
    private int inUse;
    private int waitingCount;

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
            Ticket ticket = new Ticket(sender, lock.newCondition());
            if (inUse < permits && waitingCount == 0) {
                inUse++;
                ticket.admitted = true;
                ticket.holdsPermit = true;
                return ticket;
            }
            lines.computeIfAbsent(sender, s -> new ArrayDeque<>()).addLast(ticket);
            waitingCount++;
            long nanos = unit.toNanos(maxWait);
            try {
                while (!ticket.admitted) {
                    if (nanos <= 0) {
                        withdraw(ticket);
                        return null;
                    }
                    nanos = ticket.turn.awaitNanos(nanos);
                }
            } catch (InterruptedException e) {
                if (ticket.admitted) {
                    leave(ticket);
                } else {
                    withdraw(ticket);
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
        leave(ticket);
    }

    /** The request is answered: its permit (if it still holds one) goes to the next in line. */
    void leave(Ticket ticket) {
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

    /** Requests waiting for a permit. */
    int waiting() {
        lock.lock();
        try {
            return waitingCount;
        } finally {
            lock.unlock();
        }
    }

    /** The permit goes to the first request of the sender whose turn it is; that sender goes to the back. */
    private void handOver() {
        Iterator<Map.Entry<String, ArrayDeque<Ticket>>> turns = lines.entrySet().iterator();
        if (!turns.hasNext()) {
            inUse--;
            return;
        }
        Map.Entry<String, ArrayDeque<Ticket>> first = turns.next();
        Ticket next = first.getValue().pollFirst();
        turns.remove();
        if (!first.getValue().isEmpty()) {
            lines.put(first.getKey(), first.getValue());
        }
        waitingCount--;
        next.admitted = true;
        next.holdsPermit = true;
        next.turn.signal();
    }

    private void withdraw(Ticket ticket) {
        ArrayDeque<Ticket> line = lines.get(ticket.sender);
        if (line != null && line.remove(ticket)) {
            waitingCount--;
            if (line.isEmpty()) {
                lines.remove(ticket.sender);
            }
        }
    }
}
