package dev.fapilog.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MpscLaneTest {

    @Test
    void capacityIsExactAndFifo() {
        MpscLane<Integer> lane = new MpscLane<>(3);
        assertThat(lane.offer(1)).isEqualTo(MpscLane.OK);
        assertThat(lane.offer(2)).isEqualTo(MpscLane.OK);
        assertThat(lane.offer(3)).isEqualTo(MpscLane.OK);
        assertThat(lane.offer(4)).isEqualTo(MpscLane.FULL);
        assertThat(lane.poll()).isEqualTo(1);
        assertThat(lane.offer(4)).isEqualTo(MpscLane.OK);
        assertThat(lane.poll()).isEqualTo(2);
        assertThat(lane.poll()).isEqualTo(3);
        assertThat(lane.poll()).isEqualTo(4);
        assertThat(lane.poll()).isNull();
        assertThat(lane.isEmpty()).isTrue();
    }

    @Test
    void isFullAgreesWithOfferAndIsFalseOnceClosed() {
        MpscLane<Integer> lane = new MpscLane<>(3);
        for (int i = 0; i < 3; i++) {
            assertThat(lane.isFull()).isFalse();
            lane.offer(i);
        }
        assertThat(lane.isFull()).isTrue();
        assertThat(lane.offer(9)).isEqualTo(MpscLane.FULL);
        lane.poll();
        assertThat(lane.isFull()).isFalse(); // reads the consumer index past the stale cached limit
        assertThat(lane.offer(3)).isEqualTo(MpscLane.OK);
        assertThat(lane.isFull()).isTrue();
        lane.close();
        assertThat(lane.isFull()).isFalse(); // a closed lane is not full: the offer reports it closed
        assertThat(lane.offer(4)).isEqualTo(MpscLane.CLOSED);
    }

    @Test
    void manyProducersOneConsumerLoseNothingAndKeepEachProducersOrder() throws Exception {
        MpscLane<long[]> lane = new MpscLane<>(1_024);
        int producers = 8;
        int each = 200_000;
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong fullOffers = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (long seq = 0; seq < each; seq++) {
                    while (lane.offer(new long[] {id, seq}) != MpscLane.OK) {
                        fullOffers.incrementAndGet();
                        Thread.onSpinWait();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        long[] next = new long[producers];
        long received = 0;
        while (received < (long) producers * each) {
            long[] e = lane.poll();
            if (e == null) {
                Thread.onSpinWait();
                continue;
            }
            assertThat(e[1]).isEqualTo(next[(int) e[0]]);
            next[(int) e[0]]++;
            received++;
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(lane.poll()).isNull();
        assertThat(lane.producedCount()).isEqualTo(lane.consumedCount()).isEqualTo((long) producers * each);
    }

    @Test
    void closeIsAtomicEverythingOfferedBeforeItIsStillThere() throws Exception {
        for (int round = 0; round < 20; round++) {
            MpscLane<Integer> lane = new MpscLane<>(100_000);
            AtomicLong accepted = new AtomicLong();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    while (true) {
                        int r = lane.offer(1);
                        if (r == MpscLane.CLOSED) {
                            return;
                        }
                        if (r == MpscLane.OK) {
                            accepted.incrementAndGet();
                        }
                    }
                });
                t.start();
                threads.add(t);
            }
            go.countDown();
            Thread.sleep(2);
            lane.close();
            for (Thread t : threads) {
                t.join();
            }
            long drained = 0;
            while (!lane.isEmpty()) {
                if (lane.poll() != null) {
                    drained++;
                }
            }
            assertThat(drained).isEqualTo(accepted.get()).isEqualTo(lane.producedCount());
            assertThat(lane.offer(1)).isEqualTo(MpscLane.CLOSED);
        }
    }
}
