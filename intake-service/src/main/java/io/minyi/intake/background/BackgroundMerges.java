package io.minyi.intake.background;

import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.MergePolicy;

import java.io.IOException;

/** Lucene's segment merges for intake's in-memory indexes, at background priority like the indexing itself. */
public final class BackgroundMerges extends ConcurrentMergeScheduler {

    @Override
    protected void doMerge(MergeSource mergeSource, MergePolicy.OneMerge merge) throws IOException {
        BackgroundPriority.enter();
        super.doMerge(mergeSource, merge);
    }
}
