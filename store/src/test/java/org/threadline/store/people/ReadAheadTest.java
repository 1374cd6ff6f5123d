package org.threadline.store.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A reader running ahead on its own thread hands the caller every item, in order, and never outlives the call. */
class ReadAheadTest {

    @Test
    void every_item_reaches_the_caller_in_the_readers_order_on_the_calling_thread() {
        int count = ReadAhead.BATCH * (ReadAhead.AHEAD + 3) + 17; // more than the queue holds, and a partial batch
        List<Integer> seen = new ArrayList<>();
        AtomicBoolean otherThread = new AtomicBoolean();
        Thread caller = Thread.currentThread();

        ReadAhead.run("numbers", out -> {
            for (int i = 0; i < count; i++) {
                out.accept(i);
            }
        }, (Integer i) -> {
            otherThread.compareAndSet(false, Thread.currentThread() != caller);
            seen.add(i);
        });

        assertThat(seen).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
        assertThat(otherThread).isFalse();
    }

    @Test
    void a_reader_that_fails_fails_the_call_after_the_items_it_read() {
        List<Integer> seen = new ArrayList<>();

        assertThatThrownBy(() -> ReadAhead.<Integer>run("numbers", out -> {
            out.accept(1);
            throw new IllegalStateException("the database went away");
        }, seen::add)).hasMessage("the database went away");
        assertThat(seen).containsExactly(1);
    }

    @Test
    void a_caller_that_fails_stops_the_reader_which_has_ended_when_the_call_returns() {
        AtomicReference<Thread> reader = new AtomicReference<>();
        AtomicBoolean cleanedUp = new AtomicBoolean();

        assertThatThrownBy(() -> ReadAhead.<Integer>run("endless", out -> {
            reader.set(Thread.currentThread());
            try {
                for (int i = 0; ; i++) { // never ends by itself: only the caller's failure stops it
                    out.accept(i);
                }
            } finally {
                cleanedUp.set(true); // where a real reader closes its connection
            }
        }, (Integer i) -> {
            if (i == 2 * ReadAhead.BATCH + 5) {
                throw new IllegalArgumentException("a bad row");
            }
        })).hasMessage("a bad row");
        assertThat(reader.get().isAlive()).isFalse();
        assertThat(cleanedUp).isTrue();
    }
}
