package io.minyi.stats;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minyi.contracts.ReportEvent;
import io.minyi.stats.fixtures.ReportStory;
import io.minyi.stats.fixtures.Stories;
import io.minyi.stats.projection.Projector;
import io.minyi.stats.projection.domain.ReportFact;
import io.minyi.stats.projection.store.CellStore;
import io.minyi.stats.projection.store.FactStore;
import io.minyi.testsupport.MinyiServiceIT;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The projection's exactly-once promise under the failures a consumer meets: a batch replayed after
 * it was applied but not committed, a crash between the cells and the facts, a crash half way through
 * the cells, and replays cut at other offsets. Every run must leave the same cells as one clean pass.
 */
@MinyiServiceIT
class ProjectionReplayIT {

    @Autowired MongoTemplate mongo;
    final Projector.BusinessMetrics metrics = new Projector.BusinessMetrics(new SimpleMeterRegistry());

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(CellStore.Fencing.class)
    void replaysAndCrashesAnywhereLeaveTheSameCellsAsOneCleanPass(CellStore.Fencing fencing) {
        String city = "x" + UUID.randomUUID().toString().substring(0, 6);
        List<Projector.Positioned> log = log(Stories.random(city, 60, 11));

        String clean = "t" + UUID.randomUUID().toString().substring(0, 8);
        new Projector(new FactStore(mongo, clean + "_facts"), new CellStore(mongo, clean + "_cells"), metrics).project(0, log);

        String faulty = "t" + UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(5);
        int committed = 0;
        while (committed < log.size()) {
            int end = Math.min(log.size(), committed + 1 + random.nextInt(40));
            List<Projector.Positioned> batch = log.subList(committed, end);
            switch (random.nextInt(4)) {
                case 0 -> { // crash after the cells, before the facts
                    Projector p = new Projector(new FactStore(mongo, faulty + "_facts") {
                        @Override
                        public void saveAll(Collection<ReportFact> facts, java.util.Set<String> stored) {
                            throw new IllegalStateException("crash");
                        }
                    }, new CellStore(mongo, faulty + "_cells", fencing), metrics);
                    assertThatThrownBy(() -> p.project(0, batch)).hasMessage("crash");
                }
                case 1 -> { // crash half way through the cells
                    Projector p = new Projector(new FactStore(mongo, faulty + "_facts"), new CellStore(mongo, faulty + "_cells", fencing) {
                        @Override
                        public synchronized boolean apply(List<Change> changes) {
                            if (!super.apply(changes.subList(0, changes.size() / 2))) {
                                return false; // nothing written: the projector gives the events one by one
                            }
                            throw new IllegalStateException("crash");
                        }
                    }, metrics);
                    assertThatThrownBy(() -> p.project(0, batch)).hasMessage("crash");
                }
                case 2 -> { // applied, but the offset commit was lost: the same batch comes again
                    fresh(faulty, fencing).project(0, batch);
                    fresh(faulty, fencing).project(0, batch);
                    committed = end;
                }
                default -> {
                    fresh(faulty, fencing).project(0, batch);
                    committed = end;
                }
            }
        }
        assertThat(cells(faulty + "_cells")).isEqualTo(cells(clean + "_cells")).isNotEmpty();
    }

    @Test
    void withCompareAndSetACellWrittenByAnotherConsumerMeanwhileIsReadAgainNotCountedTwice() {
        String city = "y" + UUID.randomUUID().toString().substring(0, 6);
        List<Projector.Positioned> log = log(Stories.random(city, 10, 3));
        String gen = "t" + UUID.randomUUID().toString().substring(0, 8);
        CellStore stale = new CellStore(mongo, gen + "_cells");
        Projector first = new Projector(new FactStore(mongo, gen + "_facts"), stale, metrics);
        first.project(0, log.subList(0, 5)); // the stale store now remembers offsets
        // another consumer (after a rebalance) applies the next events to the same cells
        new Projector(new FactStore(mongo, gen + "_facts"), new CellStore(mongo, gen + "_cells"), metrics)
                .project(0, log.subList(5, 20));
        // the first comes back (a zombie) with the events the other already applied, and more
        first.project(0, log.subList(5, log.size()));

        String clean = "t" + UUID.randomUUID().toString().substring(0, 8);
        new Projector(new FactStore(mongo, clean + "_facts"), new CellStore(mongo, clean + "_cells"), metrics).project(0, log);
        assertThat(cells(gen + "_cells")).isEqualTo(cells(clean + "_cells"));
    }

    private Projector fresh(String gen, CellStore.Fencing fencing) {
        return new Projector(new FactStore(mongo, gen + "_facts"), new CellStore(mongo, gen + "_cells", fencing), metrics);
    }

    /** The stories' events interleaved as one partition's log, each report's own events shuffled, some twice. */
    static List<Projector.Positioned> log(List<ReportStory> stories) {
        Random random = new Random(9);
        List<ReportEvent> all = new ArrayList<>();
        for (ReportStory s : stories) {
            List<ReportEvent> events = new ArrayList<>(s.events());
            Collections.shuffle(events, random);
            all.addAll(events);
            if (random.nextInt(3) == 0) {
                all.add(events.get(0)); // redelivered by a producer retry
            }
        }
        Collections.shuffle(all, random);
        List<Projector.Positioned> log = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            log.add(new Projector.Positioned(1000 + i, all.get(i)));
        }
        return log;
    }

    private Map<String, Document> cells(String collection) {
        Map<String, Document> byId = new TreeMap<>();
        for (Document d : mongo.getCollection(collection).find()) {
            byId.put(d.getString("_id"), d);
        }
        return byId;
    }
}
