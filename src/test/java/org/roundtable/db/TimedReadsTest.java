package org.roundtable.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.TestDatabases;

/** Slow reads with a time limit (searches) never take the connections pages need. */
class TimedReadsTest {

    @TempDir
    Path folder;

    @Test
    void slowTimedReadsLeaveConnectionsForPages() throws Exception {
        try (Database database = Database.open(TestDatabases.url(folder), Duration.ofSeconds(5))) {
            ExecutorService searchers = Executors.newFixedThreadPool(16);
            var finish = new CountDownLatch(1);
            var holding = new AtomicInteger();
            var most = new AtomicInteger();
            List<Future<Integer>> searches = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                searches.add(searchers.submit(() -> database.withinTime(Duration.ofSeconds(10), handle -> {
                    int value = handle.createQuery("SELECT 1").mapTo(Integer.class).one();
                    most.accumulateAndGet(holding.incrementAndGet(), Math::max);
                    await(finish);
                    holding.decrementAndGet();
                    return value;
                })));
            }
            Thread.sleep(500);

            long started = System.nanoTime();
            int page = database.jdbi().withHandle(handle -> handle.createQuery("SELECT 2").mapTo(Integer.class).one());
            assertThat(page).isEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a page's read does not wait").isLessThan(Duration.ofMillis(500));
            assertThat(most.get()).as("searches ran meanwhile").isPositive();

            finish.countDown();
            for (Future<Integer> search : searches) {
                assertThat(search.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            }
            searchers.shutdown();
        }
    }

    @Test
    void aTimedReadThatCannotStartWithinItsLimitIsTooSlow() throws Exception {
        try (Database database = Database.open(TestDatabases.url(folder), Duration.ofSeconds(5))) {
            ExecutorService searchers = Executors.newFixedThreadPool(16);
            var finish = new CountDownLatch(1);
            for (int i = 0; i < 16; i++) {
                searchers.submit(() -> database.withinTime(Duration.ofSeconds(10), handle -> await(finish)));
            }
            Thread.sleep(300);
            assertThatThrownBy(() -> database.withinTime(Duration.ofMillis(200), handle -> 1)).isInstanceOf(TooSlow.class);
            finish.countDown();
            searchers.shutdown();
            assertThat(searchers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
