package io.fluxo.stream;

/** When micro-batches run: as soon as possible, every interval, once, or all available data then stop. */
public record TriggerSpec(Kind kind, long intervalMillis) {
    public enum Kind {
        DEFAULT, PROCESSING_TIME, ONCE, AVAILABLE_NOW
    }

    public static final TriggerSpec DEFAULT = new TriggerSpec(Kind.DEFAULT, 0);

    public boolean stopsWhenDone() {
        return kind == Kind.ONCE || kind == Kind.AVAILABLE_NOW;
    }
}
