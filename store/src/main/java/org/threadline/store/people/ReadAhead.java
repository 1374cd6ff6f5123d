package org.threadline.store.people;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.threadline.store.StoreException;

/**
 * Runs a reader on a thread of its own, a few batches ahead of the caller, who handles each item on the calling
 * thread in the reader's order. A people build reads every standardised row twice; decoding a row (JDBC, its JSON)
 * then overlaps with making its events, instead of the two taking turns on one core. Bounded: at most
 * {@value #AHEAD} batches of {@value #BATCH} items wait. A failure on either side stops both and is thrown to the
 * caller; a reader still running is interrupted and waited for, so it never outlives the call (it may hold a
 * connection).
 */
final class ReadAhead {
    static final int BATCH = 1_000;
    static final int AHEAD = 4;

    /** Reads items and hands each to {@code out}, on the reading thread. */
    interface Reader<T> {
        void read(Consumer<T> out);
    }

    /** What the reader put on the queue besides batches: the end, or why it stopped. */
    private record End(RuntimeException failure) {
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private ReadAhead() {
    }

    static <T> void run(String name, Reader<T> reader, Consumer<T> sink) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
        Thread thread = new Thread(() -> {
            List<T> batch = new ArrayList<>(BATCH);
            RuntimeException failure = null;
            try {
                reader.read(item -> {
                    batch.add(item);
                    if (batch.size() == BATCH) {
                        put(queue, new ArrayList<>(batch));
                        batch.clear();
                    }
                });
            } catch (Stopped e) {
                return; // the caller stopped taking: nobody waits for the end
            } catch (RuntimeException e) {
                failure = e;
            }
            try {
                if (!batch.isEmpty()) {
                    queue.put(new ArrayList<>(batch)); // what was read before the end or the failure
                }
                queue.put(new End(failure));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        boolean finished = false;
        try {
            while (true) {
                Object next = queue.take();
                if (next instanceof End end) {
                    finished = true;
                    if (end.failure() != null) {
                        throw end.failure();
                    }
                    return;
                }
                @SuppressWarnings("unchecked")
                List<T> items = (List<T>) next;
                items.forEach(sink);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while reading " + name, e);
        } finally {
            if (!finished) {
                thread.interrupt();
            }
            joinQuietly(thread, queue);
        }
    }

    private static void put(BlockingQueue<Object> queue, Object batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    /** Waits for the reader to end, emptying the queue meanwhile so a reader blocked putting a batch can finish. */
    private static void joinQuietly(Thread thread, BlockingQueue<Object> queue) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            queue.clear();
            try {
                thread.join(50);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
