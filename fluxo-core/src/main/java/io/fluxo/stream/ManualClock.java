package io.fluxo.stream;

import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told to: tests drive processing-time triggers with {@link #advance}. */
public final class ManualClock implements StreamClock {
    private long now;
    private final List<Object> waiters = new ArrayList<>();

    public ManualClock(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public synchronized long millis() {
        return now;
    }

    public void advance(long millis) {
        List<Object> toWake;
        synchronized (this) {
            now += millis;
            toWake = new ArrayList<>(waiters);
        }
        for (Object w : toWake) {
            synchronized (w) {
                w.notifyAll();
            }
        }
    }

    @Override
    public void waitUntil(long targetMillis, Object wakeUp) throws InterruptedException {
        synchronized (this) {
            if (now >= targetMillis) {
                return;
            }
            waiters.add(wakeUp);
        }
        try {
            synchronized (wakeUp) {
                // Woken by advance() or by new data; the caller re-checks its conditions either way.
                wakeUp.wait(50);
            }
        } finally {
            synchronized (this) {
                waiters.remove(wakeUp);
            }
        }
    }
}
