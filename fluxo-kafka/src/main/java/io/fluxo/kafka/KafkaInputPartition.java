package io.fluxo.kafka;

import io.fluxo.connector.spi.InputPartition;
import org.apache.kafka.common.TopicPartition;

/** The records of one topic partition with offsets in {@code [from, until)}. */
record KafkaInputPartition(TopicPartition topicPartition, long from, long until) implements InputPartition {
    @Override
    public String description() {
        return topicPartition + " [" + from + ", " + until + ")";
    }
}
