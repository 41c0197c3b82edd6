package io.fluxo.stream;

/**
 * Processing time for streaming queries. The system clock sleeps; {@link ManualClock} lets tests move time forward
 * so triggers fire without anyone sleeping.
 */
public interface StreamClock {
    long millis();

    /** Waits until {@link #millis()} reaches {@code targetMillis}, or {@code wakeUp} is signalled, whichever first. */
    void waitUntil(long targetMillis, Object wakeUp) throws InterruptedException;

    StreamClock SYSTEM = new StreamClock() {
        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public void waitUntil(long targetMillis, Object wakeUp) throws InterruptedException {
            long delay = targetMillis - millis();
            if (delay > 0) {
                synchronized (wakeUp) {
                    wakeUp.wait(delay);
                }
            }
        }
    };
}
