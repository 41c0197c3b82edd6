package io.fluxo.connector.file;

/** A reader that counts the records it dropped as malformed (mode DROPMALFORMED); the count is for metrics. */
public interface MalformedRecordCounter {
    /** Records dropped so far by this reader. */
    long droppedMalformed();
}
