package org.threadline.app.web.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.threadline.app.web.security.SignInThrottle.Key;

/**
 * A throttle's counts in this process's memory ({@link SignInThrottle#inMemory}, for the rule's own tests): the least
 * recently seen key forgotten first beyond {@code maxTracked}.
 */
final class MemoryThrottleState implements ThrottleState {
    private final int maxTracked;
    private final Map<Key, Tracked> tracked = new LinkedHashMap<>(256, 0.75f, true);

    MemoryThrottleState(int maxTracked) {
        this.maxTracked = maxTracked;
    }

    @Override
    public synchronized <T> T apply(List<Key> keys, boolean create, Function<Map<Key, Tracked>, T> change,
                                    BiConsumer<Key, Tracked> forgotten) {
        Map<Key, Tracked> some = new HashMap<>();
        for (Key k : keys) {
            Tracked t = tracked.get(k);
            if (t != null) {
                some.put(k, t);
            }
        }
        T out = change.apply(some);
        for (Key k : keys) {
            Tracked t = some.get(k);
            if (t == null) {
                tracked.remove(k);
            } else {
                tracked.put(k, t);
            }
        }
        while (tracked.size() > maxTracked) {
            Iterator<Map.Entry<Key, Tracked>> it = tracked.entrySet().iterator();
            Map.Entry<Key, Tracked> eldest = it.next();
            forgotten.accept(eldest.getKey(), eldest.getValue());
            it.remove();
        }
        return out;
    }

    @Override
    public synchronized List<Map.Entry<Key, Tracked>> sweep(Instant since, Instant reservedSince) {
        List<Map.Entry<Key, Tracked>> out = new ArrayList<>();
        Iterator<Map.Entry<Key, Tracked>> it = tracked.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Tracked> e = it.next();
            Tracked t = e.getValue();
            while (!t.failures.isEmpty() && !t.failures.peekFirst().isAfter(since)) {
                t.failures.removeFirst();
            }
            t.reserved.values().removeIf(at -> !at.isAfter(reservedSince));
            if (t.failures.isEmpty() && t.reserved.isEmpty()) {
                out.add(Map.entry(e.getKey(), t));
                it.remove();
            }
        }
        return out;
    }

    @Override
    public synchronized int tracked() {
        return tracked.size();
    }
}
