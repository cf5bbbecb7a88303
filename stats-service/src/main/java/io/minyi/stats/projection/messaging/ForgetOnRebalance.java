package io.minyi.stats.projection.messaging;

import io.minyi.stats.projection.store.CellStore;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

import java.util.Collection;

/** Partitions that move invalidate what the cell store remembered of their cells' offsets. */
class ForgetOnRebalance implements ConsumerAwareRebalanceListener {

    private final CellStore cells;

    ForgetOnRebalance(CellStore cells) {
        this.cells = cells;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        cells.forget();
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        cells.forget();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        cells.forget();
    }
}
