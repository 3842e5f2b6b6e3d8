package org.smpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoresTest {

    @Test
    void noMoreDecisionsRunAtOnceThanPlaces() throws Exception {
        Cores cores = new Cores(2, 60_000);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            done.add(threads.submit(() -> {
                start.await();
                for (int i = 0; i < 200; i++) {
                    boolean entered = cores.enter();
                    try {
                        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                        long until = System.nanoTime() + 50_000;
                        while (System.nanoTime() < until) {
                            Thread.onSpinWait();
                        }
                        running.decrementAndGet();
                    } finally {
                        cores.leave(entered);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        try {
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(peak.get()).isBetween(1, 2);
    }

    @Test
    void aDecisionWaitsForAPlaceOnlySoLongThenRunsWithout() throws Exception {
        Cores cores = new Cores(1, 20);
        assertThat(cores.enter()).isTrue();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // The place stays taken: the other decision gives up waiting and runs without one.
            assertThat(other.submit(cores::enter).get(10, TimeUnit.SECONDS)).isFalse();
            cores.leave(false);
            assertThat(other.submit(cores::enter).get(10, TimeUnit.SECONDS)).as("leaving without a place frees none").isFalse();
            cores.leave(true);
            assertThat(other.submit(cores::enter).get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void anInterruptedThreadThatMustWaitKeepsItsInterruptAndTakesNoPlace() throws Exception {
        Cores cores = new Cores(1, 60_000);
        assertThat(cores.enter()).isTrue();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean[]> f = other.submit(() -> {
                Thread.currentThread().interrupt();
                boolean entered = cores.enter();
                return new Boolean[] {entered, Thread.currentThread().isInterrupted()};
            });
            Boolean[] r = f.get(10, TimeUnit.SECONDS);
            assertThat(r[0]).isFalse();
            assertThat(r[1]).isTrue();
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aThreadOfAPoolSizedToTheCoresTakesNoPlaceAndNeverWaits() throws Exception {
        Cores cores = new Cores(1, 60_000);
        assertThat(cores.enter()).isTrue();
        java.util.concurrent.CompletableFuture<Boolean> entered = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Cores.PoolThread(() -> entered.complete(cores.enter()), "test-pool");
        t.start();
        // With the place taken and a minute's wait, only a thread that takes no place answers at once.
        assertThat(entered.get(30, TimeUnit.SECONDS)).isFalse();
        cores.leave(true);
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Cores.PoolThread(r, "test-pool"));
        try {
            assertThat(pool.submit(cores::enter).get(10, TimeUnit.SECONDS)).as("a pool thread takes no place even when one is free").isFalse();
        } finally {
            pool.shutdownNow();
        }
    }
}
